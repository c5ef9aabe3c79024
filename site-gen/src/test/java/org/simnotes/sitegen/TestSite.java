package org.simnotes.sitegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.pipeline.BuildOptions;
import org.simnotes.sitegen.pipeline.Progress;
import org.simnotes.sitegen.pipeline.SiteBuilder;

/** The repository's real site, built once per test run and shared by the tests that read it. */
public final class TestSite {
    private static Path built;

    private TestSite() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("simnotes.projectRoot", "..")).toAbsolutePath().normalize();
    }

    /** A math cache under target/, so repeated test runs skip starting KaTeX. */
    public static Path mathCache() {
        return projectRoot().resolve("site-gen/target/test-math-cache");
    }

    public static BuildOptions options(Path content, Path output) {
        return new BuildOptions(content, projectRoot().resolve("templates"), output, mathCache(), null, false);
    }

    public static synchronized Path site() {
        if (built == null) {
            try {
                Path out = Files.createTempDirectory("simnotes-site-").resolve("site");
                new SiteBuilder(options(projectRoot().resolve("content"), out)).build(Progress.NONE);
                built = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (BuildException e) {
                throw new AssertionError("the repository's own content must build: " + e.getMessage(), e);
            }
        }
        return built;
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
