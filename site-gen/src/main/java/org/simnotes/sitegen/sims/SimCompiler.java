package org.simnotes.sitegen.sims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.UUID;
import java.util.stream.Stream;
import org.simnotes.sim.web.SimExports;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.Widgets;
import org.simnotes.sitegen.digest.FolderDigest;
import org.simnotes.sitegen.digest.Sha256;
import org.simnotes.sitegen.fault.Problems;
import org.teavm.tooling.TeaVMTool;

/**
 * Makes a course's own simulations ready: compiles the Java under its {@code sims/} folder (and takes
 * the widget classes a Maven project compiled) with javac, lists their widgets for the build to
 * pre-render, and compiles them with the built-in ones to WebAssembly and JavaScript with TeaVM.
 *
 * <p>The result is kept in the cache folder under a key of everything it was made from: the sources,
 * the class folders, the simulation API and built-in widgets, TeaVM's and Java's versions. A build
 * whose simulations did not change finds it there and runs neither compiler.
 */
public final class SimCompiler {
    private static final String ENTRY = "sims";
    private static final String KEY_FILE = "key";

    private final Path cacheDir;
    private CourseSims last;

    /** {@code cacheDir}: where compiled simulations are kept between builds; null keeps them for this process only. */
    public SimCompiler(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /**
     * The widgets of the course in {@code contentDir} with those in {@code classDirs}; null, with every
     * fault in {@code problems} (located in the sources where it can be), when they cannot be made ready.
     */
    public CourseSims prepare(Path contentDir, List<Path> classDirs, Problems problems) throws IOException {
        Problems own = new Problems();
        SimSources sources = SimSources.read(contentDir, own);
        if (!own.isEmpty()) {
            problems.addAll(own);
            return null;
        }
        if (sources.files().isEmpty() && classDirs.isEmpty()) {
            return CourseSims.builtIn();
        }
        String key = key(sources, classDirs);
        if (last != null && last.key().equals(key)) {
            return last.reused();
        }
        Path entry = cacheRoot().resolve(ENTRY);
        CourseSims sims = key.equals(readKey(entry)) ? load(entry, sources, classDirs, key, own) : compile(entry, sources, classDirs, key, own);
        problems.addAll(own);
        if (sims != null) {
            last = sims;
        }
        return sims;
    }

    private CourseSims compile(Path entry, SimSources sources, List<Path> classDirs, String key, Problems problems) throws IOException {
        Path fresh = cacheRoot().resolve(ENTRY + "-" + UUID.randomUUID());
        try {
            Path classes = Files.createDirectories(fresh.resolve("classes"));
            if (sources.hasJava() && !JavaCompile.run(sources, apiClassPath(), classes, problems)) {
                return null;
            }
            copyResources(sources, classes);
            URLClassLoader loader = loader(classes, classDirs);
            Widgets widgets = widgets(loader, sources, classDirs, problems);
            if (widgets == null) {
                return null;
            }
            Path web = Files.createDirectories(fresh.resolve("web"));
            if (!TeaVmCompile.run(loader, web, sources, problems)) {
                return null;
            }
            Files.writeString(fresh.resolve(KEY_FILE), key);
            replace(entry, fresh);
            // The class files moved with their folder: load them from where they are now.
            return load(entry, sources, classDirs, key, problems, CourseSims.Outcome.COMPILED);
        } finally {
            deleteTree(fresh);
        }
    }

    private CourseSims load(Path entry, SimSources sources, List<Path> classDirs, String key, Problems problems) throws IOException {
        return load(entry, sources, classDirs, key, problems, CourseSims.Outcome.CACHED);
    }

    private CourseSims load(Path entry, SimSources sources, List<Path> classDirs, String key, Problems problems,
                            CourseSims.Outcome outcome) throws IOException {
        URLClassLoader loader = loader(entry.resolve("classes"), classDirs);
        Widgets widgets = widgets(loader, sources, classDirs, problems);
        if (widgets == null) {
            return null;
        }
        int own = widgets.size() - CourseSims.builtIn().widgets().size();
        return new CourseSims(widgets, WebBuild.read(entry.resolve("web")), key, outcome, own);
    }

    /**
     * The widgets the loader's services files list, each made once on a guarded thread (their constructors and
     * names are the author's code); null when a listed class is missing, fails, or shares a widget's name.
     */
    private static Widgets widgets(ClassLoader loader, SimSources sources, List<Path> classDirs, Problems problems)
            throws IOException {
        Path services = sources.dir().resolve(SimSources.SERVICES);
        if (sources.hasJava() && sources.files().stream().noneMatch(f -> f.name().equals(SimSources.SERVICES))) {
            problems.error(services, 0, "missing: list each widget class of sims/ here by its full name, one per line");
            return null;
        }
        try {
            return GuardedCall.call(() -> Widgets.load(loader), GuardedCall.LIMIT_SECONDS);
        } catch (GuardedCall.Failure e) {
            String message = e.getMessage();
            ServicesLine at = lineNaming(sources, classDirs, message);
            problems.error(at == null ? services : at.file(), at == null ? 0 : at.line(), "loading the widgets " + message);
            return null;
        }
    }

    /** A line of a services file. */
    private record ServicesLine(Path file, int line) {
    }

    /**
     * The services file line whose class the message names, in the course's {@code sims/} or, for a Maven
     * project's widgets, in a class folder; null when none does. A name listed in both is the course's.
     */
    private static ServicesLine lineNaming(SimSources sources, List<Path> classDirs, String message) throws IOException {
        for (SimSources.SimFile f : sources.files()) {
            if (f.name().equals(SimSources.SERVICES)) {
                ServicesLine at = lineNaming(f.path(), f.bytes(), message);
                if (at != null) {
                    return at;
                }
            }
        }
        for (Path d : classDirs) {
            Path file = d.resolve(SimSources.SERVICES);
            ServicesLine at = Files.isRegularFile(file) ? lineNaming(file, Files.readAllBytes(file), message) : null;
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    private static ServicesLine lineNaming(Path file, byte[] bytes, String message) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            String name = lines[i].replaceAll("#.*", "").strip();
            if (!name.isEmpty() && message.contains(name)) {
                return new ServicesLine(file, i + 1);
            }
        }
        return null;
    }

    private static URLClassLoader loader(Path classes, List<Path> classDirs) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(classes.toUri().toURL());
            for (Path d : classDirs) {
                urls.add(d.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), SimCompiler.class.getClassLoader());
    }

    /** The services file and any other resource beside the sources, where the class loader finds them. */
    private static void copyResources(SimSources sources, Path classes) throws IOException {
        for (SimSources.SimFile f : sources.files()) {
            if (!f.isJava()) {
                Path to = classes.resolve(f.name());
                Files.createDirectories(to.getParent());
                Files.write(to, f.bytes());
            }
        }
    }

    /** What javac compiles against: the simulation API alone. */
    private static List<Path> apiClassPath() {
        return List.of(codeSource(Widget.class));
    }

    /** The jar or folder a class was loaded from. */
    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(SimSources sources, List<Path> classDirs) throws IOException {
        MessageDigest sha = Sha256.start();
        List<String> parts = new ArrayList<>();
        parts.add(sources.digest());
        for (Path d : classDirs) {
            parts.add(FolderDigest.of(d));
        }
        parts.add(digestOf(codeSource(Widget.class)));
        parts.add(digestOf(codeSource(SimExports.class)));
        parts.add(digestOf(codeSource(TeaVMTool.class)));
        parts.add(Integer.toString(Runtime.version().feature()));
        for (String p : parts) {
            sha.update(p.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return Sha256.hexOf(sha);
    }

    private static String digestOf(Path codeSource) throws IOException {
        return Files.isDirectory(codeSource) ? FolderDigest.of(codeSource) : Sha256.hex(Files.readAllBytes(codeSource));
    }

    /** Where compiled simulations go when there is no cache folder: deleted when the process ends. */
    private Path temporary;

    private Path cacheRoot() throws IOException {
        if (cacheDir != null) {
            return Files.createDirectories(cacheDir);
        }
        if (temporary == null) {
            temporary = Files.createTempDirectory("simnotes-sims");
            Path dir = temporary;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        }
        return temporary;
    }

    private static String readKey(Path entry) throws IOException {
        Path file = entry.resolve(KEY_FILE);
        return Files.isRegularFile(file) ? Files.readString(file) : null;
    }

    /** Puts the fresh entry in place of the last one, which is deleted only when it is one this class wrote. */
    private static void replace(Path entry, Path fresh) throws IOException {
        if (Files.exists(entry)) {
            if (readKey(entry) == null) {
                throw new IOException(entry + " was not written by SimNotes; remove it or choose another --cache folder");
            }
            deleteTree(entry);
        }
        Files.move(fresh, entry);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
