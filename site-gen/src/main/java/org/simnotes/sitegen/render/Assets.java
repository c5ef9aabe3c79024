package org.simnotes.sitegen.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.simnotes.sitegen.content.SourceFolder;
import org.simnotes.sitegen.digest.Sha256;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.math.KatexDist;
import org.simnotes.sitegen.output.OutputFile;
import org.simnotes.sitegen.search.SearchScripts;
import org.simnotes.sitegen.sims.WebBuild;

/**
 * The front-end files every page uses: the templates' {@code assets/} folder (presentation), the
 * engine's scripts from the generator's jar (the search index's reader and the simulations' page code,
 * which follow the generator's formats, so a theme never copies them), files the build makes and KaTeX's
 * stylesheet, written under names that carry a hash of their content so a host may cache them for ever,
 * and the KaTeX woff2 fonts the formulas need (under a folder named for KaTeX's version, for the same
 * reason).
 */
public final class Assets {
    private static final String KATEX_DIR = "katex-" + KatexDist.VERSION + "/";
    private static final String SIM_DIR = "META-INF/simnotes/sim/";
    private static final String ASSETS = "assets/";
    /** The engine's scripts: name in the pages' {@code assets} map to class-path resource. */
    private static final Map<String, String> ENGINE_SCRIPTS = Map.of(
            "search-core.js", SearchScripts.CORE_SCRIPT.substring(1),
            "widgets.js", SIM_DIR + "widgets.js");

    private final Map<String, String> names = new TreeMap<>();
    private final List<OutputFile> files = new ArrayList<>();

    private Assets() {
    }

    /** The class names in a formula's KaTeX HTML, which decide the KaTeX fonts to ship (see {@link #collect}). */
    public static Set<String> classesIn(String html) {
        return KatexStyles.classesIn(html);
    }

    /**
     * The assets for pages whose formulas use the class names {@code classes} and whose widgets {@code sims}
     * compiled: the built-in theme's,
     * each replaced by a file of the same name in {@code templatesDir}'s {@code assets/} (null: none).
     * A file there that is a link is followed only as far as the templates folder.
     */
    public static Assets collect(Path templatesDir, Set<String> classes, WebBuild sims) throws IOException, BuildException {
        Assets a = new Assets();
        Map<String, byte[]> chosen = new TreeMap<>();
        BuiltInTheme.files().forEach((path, bytes) -> {
            if (path.startsWith(ASSETS)) {
                chosen.put(path.substring(ASSETS.length()), bytes);
            }
        });
        Path dir = templatesDir == null ? null : templatesDir.resolve("assets");
        if (dir != null && Files.isDirectory(dir)) {
            SourceFolder folder = new SourceFolder(templatesDir);
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                    Path real = folder.inside(p);
                    if (real == null) {
                        throw new BuildException(p, 0, folder.outside(p));
                    }
                    String name = dir.relativize(p).toString().replace('\\', '/');
                    if (ENGINE_SCRIPTS.containsKey(name)) {
                        throw new BuildException(p, 0, "the generator ships its own " + name + ", which pages load as assets['"
                                + name + "']: give this file another name");
                    }
                    chosen.put(name, Files.readAllBytes(real));
                }
            }
        }
        chosen.forEach(a::addHashed);
        ENGINE_SCRIPTS.forEach((name, resource) -> a.addHashed(name, resource(resource)));
        a.addKatex(classes);
        a.addSimulations(sims);
        return a;
    }

    /** Logical name (e.g. {@code site.css}, {@code katex.css}) to path inside the site. */
    public Map<String, String> names() {
        return Map.copyOf(names);
    }

    public List<OutputFile> files() {
        return List.copyOf(files);
    }

    private void addHashed(String name, byte[] bytes) {
        addHashed(name, name, bytes);
    }

    private void addHashed(String name, String file, byte[] bytes) {
        int dot = file.lastIndexOf('.');
        String hashed = "assets/" + (dot < 0 ? file + "." + hash(bytes) : file.substring(0, dot) + "." + hash(bytes) + file.substring(dot));
        names.put(name, hashed);
        files.add(new OutputFile(hashed, bytes));
    }

    private void addKatex(Set<String> classes) {
        KatexStyles styles = KatexStyles.trimmed(new String(resource(KatexDist.DIST + "katex.min.css"), StandardCharsets.UTF_8), classes);
        addHashed("katex.css", KATEX_DIR + "katex.min.css", styles.css().getBytes(StandardCharsets.UTF_8));
        for (String font : styles.fonts()) {
            files.add(new OutputFile("assets/" + KATEX_DIR + font, resource(KatexDist.DIST + font)));
        }
    }

    /**
     * The simulations as TeaVM compiled them: the WebAssembly GC loader, the wasm bytes wrapped in a
     * classic script (a page opened from file:// may not fetch them), and the JavaScript build for
     * browsers without WebAssembly GC.
     */
    private void addSimulations(WebBuild sims) {
        addHashed("sim-runtime.js", sims.wasmRuntime());
        String wasm = Base64.getEncoder().encodeToString(sims.wasm());
        addHashed("sim-wasm.js", ("window.SIMNOTES_SIM_WASM=\"" + wasm + "\";\n").getBytes(StandardCharsets.US_ASCII));
        addHashed("sim-fallback.js", sims.js());
    }

    private static byte[] resource(String name) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first ten hex digits of the content's SHA-256: enough to tell an asset's versions apart. */
    static String hash(byte[] bytes) {
        return Sha256.hex(bytes).substring(0, 10);
    }
}
