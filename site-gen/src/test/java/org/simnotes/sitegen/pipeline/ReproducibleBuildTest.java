package org.simnotes.sitegen.pipeline;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same input gives the same site, byte for byte: no timestamps, random ids or thread-order effects. */
class ReproducibleBuildTest {
    @TempDir
    Path dir;

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() throws Exception {
        Path content = TestSite.course();
        Path templates = TestSite.projectRoot().resolve("templates");
        // One build answers formulas from the math cache, the other renders them all with KaTeX afresh.
        new SiteBuilder(new BuildOptions(content, templates, dir.resolve("a"), TestSite.mathCache(), null, false, false)).build(Progress.NONE);
        new SiteBuilder(new BuildOptions(content, templates, dir.resolve("b"), dir.resolve("empty-cache"), null, false, false)).build(Progress.NONE);
        Map<String, byte[]> a = files(dir.resolve("a"));
        Map<String, byte[]> b = files(dir.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name + " differs between the two builds");
        }
    }

    /** Every file under {@code root} by its relative path, for comparing two sites byte for byte. */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
