package org.simnotes.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget in the package documentation compiles against the API and draws what its text says. */
class PackageExampleTest {
    private static final Path PACKAGE_INFO = Path.of("src/main/java/org/simnotes/simapi/package-info.java");

    @Test
    void theDocumentedWidgetCompilesAndRendersItsDraws(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("src/org/example/sims/CoinWidget.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, exampleSource());
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(),
                "-cp", Path.of(Widget.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                source.toString());
        assertEquals(0, status, "the example compiles");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                PackageExampleTest.class.getClassLoader())) {
            Widget coin = (Widget) loader.loadClass("org.example.sims.CoinWidget").getConstructor().newInstance();
            assertEquals("coin", coin.name());

            String all = WidgetState.fromQuery(coin, "p=0.3&flips=100&seed=7").render();
            int heads = heads(0.3, 100, 7);
            assertEquals(100, count(all, "<circle "), "one coin per flip");
            assertEquals(heads, count(all, "level-4"), "a full coin per head");
            assertTrue(all.contains(">" + Html.fixed(heads / 100.0, 2) + "</dd>"), all);

            String headsOnly = WidgetState.fromQuery(coin, "p=0.3&flips=100&seed=7&show=heads").render();
            assertEquals(heads, count(headsOnly, "<circle "), "only the heads are drawn");
        }
    }

    /** The draws the example makes: the SplitMix64 stream of the seed, compared with p. */
    private static int heads(double p, int flips, double seed) {
        SplitMix64 rng = SplitMix64.fromSeed(seed);
        int heads = 0;
        for (int i = 0; i < flips; i++) {
            heads += rng.nextDouble() < p ? 1 : 0;
        }
        return heads;
    }

    /** The first {@code {@code ...}} block of the package documentation, without its leading asterisks. */
    private static String exampleSource() throws IOException {
        Matcher m = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* \\}</pre>", Pattern.DOTALL)
                .matcher(Files.readString(PACKAGE_INFO));
        assertTrue(m.find(), "the package documentation holds an example");
        StringBuilder sb = new StringBuilder();
        for (String line : List.of(m.group(1).split("\n"))) {
            sb.append(line.replaceFirst("^ \\* ?", "")).append('\n');
        }
        return sb.toString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
