package org.simnotes.sitegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.pipeline.BuildOptions;
import org.simnotes.sitegen.pipeline.Progress;
import org.simnotes.sitegen.pipeline.SiteBuilder;

/**
 * The fixture course the generator's tests build, and sites built once per test run and shared by the
 * tests that only read them. Shared sites live under site-gen/target/, so {@code mvn clean} removes them.
 */
public final class TestSite {
    private static final Map<Path, Path> BUILT = new HashMap<>();

    private TestSite() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("simnotes.projectRoot", "..")).toAbsolutePath().normalize();
    }

    /**
     * A small course made for the tests, so editing the study guide in content/ breaks none of them: two
     * categories, formulas inline, in display and in a table, each widget, links between topics and to a
     * section, an image, interview answers with a follow-up, tags and Chinese text to search.
     */
    public static Path course() {
        return projectRoot().resolve("site-gen/src/test/resources/courses/basic");
    }

    /** A math cache under target/, so repeated test runs skip starting KaTeX. */
    public static Path mathCache() {
        return projectRoot().resolve("site-gen/target/test-math-cache");
    }

    public static BuildOptions options(Path content, Path output) {
        return new BuildOptions(content, projectRoot().resolve("templates"), output, mathCache(), null, false, false);
    }

    /** The fixture course, built once per test run. */
    public static Path site() {
        return site(course());
    }

    /** The site of {@code content}, built once per test run into target/test-sites/ (a rebuild replaces the last run's). */
    public static synchronized Path site(Path content) {
        return BUILT.computeIfAbsent(content, c -> {
            Path out = projectRoot().resolve("site-gen/target/test-sites").resolve(c.getFileName().toString());
            try {
                new SiteBuilder(options(c, out)).build(Progress.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (BuildException e) {
                throw new AssertionError(c + " must build: " + e.getMessage(), e);
            }
            return out;
        });
    }

    /** Every file under {@code root} by its path there, with its bytes, to compare two outputs byte for byte. */
    public static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    /** Copies a folder with everything in it, so a test can edit sources without touching the repository's. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
