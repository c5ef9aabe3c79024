package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.math.KatexDist;

/**
 * A course with widgets of its own, as its author meets it: {@code init} writes one, {@code build}
 * compiles it with javac and TeaVM and then takes it from the cache, and each fault in the author's
 * code is a located error that leaves the last site as it was.
 */
class CourseSimsTest {
    private static final String WIDGET = "content/sims/starter/CoinWidget.java";
    private static final String SERVICES = "content/sims/META-INF/services/org.simnotes.simapi.Widget";
    private static final String TOPIC = "content/02-coin-flips.md";

    /** The starter course, built once: each test starts from a copy with its site and cache. */
    @TempDir
    static Path built;

    @TempDir
    Path dir;

    private static CliRun firstBuild;

    @BeforeAll
    static void initAndBuild() throws IOException {
        CliRun init = CliRun.of("init", built.resolve("course").toString());
        assertEquals(0, init.exitCode(), init.err());
        firstBuild = build(built.resolve("course"));
    }

    private Path course() throws IOException {
        Path course = dir.resolve("course");
        TestSite.copyTree(built.resolve("course"), course);
        return course;
    }

    private static CliRun build(Path course) {
        return CliRun.of("build", "--content", course.resolve("content").toString(), "--output", course.resolve("site").toString(),
                "--cache", course.resolve("cache").toString());
    }

    private static void edit(Path course, String file, String from, String to) throws IOException {
        Path p = course.resolve(file);
        String text = Files.readString(p);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(p, text.replace(from, to));
    }

    private static int lineOf(Path course, String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(course.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static String page(Path course) throws IOException {
        return Files.readString(course.resolve("site/coin-flips.html"));
    }

    /** The bytes of the site's asset whose name starts with {@code prefix} ({@code sim-wasm.}, {@code sim-fallback.}). */
    private static byte[] asset(Path course, String prefix) throws IOException {
        try (Stream<Path> all = Files.list(course.resolve("site/assets"))) {
            Path p = all.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readAllBytes(p);
        }
    }

    /** Asserts the build failed with one line naming {@code file:line} and saying {@code what}, and left the site as it was. */
    private static void assertFailsAt(Path course, String file, int line, String what) throws IOException {
        Map<String, String> before = TestSite.snapshot(course.resolve("site"));
        CliRun run = build(course);
        assertEquals(1, run.exitCode(), run.out());
        String located = course.resolve(file) + ":" + (line == 0 ? "" : line + ":");
        assertEquals(1, run.err().lines().filter(l -> l.startsWith(located) && l.contains(what)).count(),
                "one error at " + located + " saying " + what + ":\n" + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace:\n" + run.err());
        assertEquals(before, TestSite.snapshot(course.resolve("site")), "the last site is as it was");
    }

    @Test
    void theStarterCourseBuildsItsOwnWidgetAndASecondBuildRunsNeitherCompiler() throws IOException {
        assertEquals(0, firstBuild.exitCode(), firstBuild.err());
        assertTrue(firstBuild.out().contains("compiled 1 widget of the course's own with javac and TeaVM"), firstBuild.out());
        Path course = course();
        String html = page(course);
        assertTrue(html.contains("data-sim=\"coin\""), "the block became the coin widget");
        assertTrue(html.contains("<svg") && html.contains("data-stat=\"share\""), "pre-rendered on the JVM");
        assertTrue(Files.readString(course.resolve("site/law-of-large-numbers.html")).contains("class=\"katex"), "the math topic");

        // The compiled simulations and the formulas; the cache also holds the bodies and what was written into
        // the output, which a build of this copy of the course (another folder) keeps for itself.
        Map<String, String> cache = TestSite.snapshot(course.resolve("cache/sims"));
        String formulas = Files.readString(course.resolve("cache/katex-" + KatexDist.VERSION + ".json"));
        CliRun again = build(course);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("unchanged, from the cache (neither javac nor TeaVM ran)"), again.out());
        assertEquals(cache, TestSite.snapshot(course.resolve("cache/sims")), "nothing compiled into the cache");
        assertEquals(formulas, Files.readString(course.resolve("cache/katex-" + KatexDist.VERSION + ".json")), "no formula rendered");
        assertEquals(html, page(course));
    }

    @Test
    void aChangedStringLiteralChangesThePreRenderedPageAndTheCompiledCode() throws IOException {
        Path course = course();
        byte[] wasm = asset(course, "sim-wasm.");
        byte[] js = asset(course, "sim-fallback.");
        edit(course, WIDGET, "\"正面比例\"", "\"正面所占比例\"");
        CliRun run = build(course);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("compiled 1 widget"), run.out());
        assertTrue(page(course).contains("正面所占比例"), "the pre-rendered view has the new text");
        assertFalse(java.util.Arrays.equals(wasm, asset(course, "sim-wasm.")), "the WebAssembly changed");
        assertFalse(java.util.Arrays.equals(js, asset(course, "sim-fallback.")), "the JavaScript changed");
        assertTrue(new String(asset(course, "sim-fallback."), StandardCharsets.UTF_8).contains("正面所占比例")
                || new String(asset(course, "sim-fallback."), StandardCharsets.UTF_8).contains("\\u6b63\\u9762\\u6240\\u5360"),
                "the new text is in the page's code");
    }

    @Test
    void serveRecompilesAnEditedWidgetAndServesTheChange() throws Exception {
        Path course = course();
        try (ServeRun serve = ServeRun.start("--content", course.resolve("content").toString(),
                "--output", course.resolve("site").toString(), "--cache", course.resolve("cache").toString())) {
            serve.awaitPage("/coin-flips.html", "正面比例");
            String before = serve.get("/coin-flips.html");
            edit(course, WIDGET, "\"正面比例\"", "\"正面所占比例\"");
            serve.awaitPage("/coin-flips.html", "正面所占比例");
            // The report follows the search index, which is written after the pages.
            serve.await(s -> s.out().contains("compiled 1 widget"), "the recompile reported");
            String wasm = "assets/sim-wasm\\.[0-9a-f]+\\.js";
            java.util.regex.Matcher was = java.util.regex.Pattern.compile(wasm).matcher(before);
            java.util.regex.Matcher now = java.util.regex.Pattern.compile(wasm).matcher(serve.get("/coin-flips.html"));
            assertTrue(was.find() && now.find());
            assertNotEquals(was.group(), now.group(), "the page loads the recompiled WebAssembly");
        }
    }

    @Test
    void aCompileErrorIsLocatedInTheSourceAndLeavesTheLastSite() throws IOException {
        Path course = course();
        edit(course, WIDGET, "int heads = 0;", "int heads = \"none\";");
        assertFailsAt(course, WIDGET, lineOf(course, WIDGET, "int heads = \"none\";"), "incompatible types");
    }

    @Test
    void codeTeaVmCannotCompileNamesTheClassAndMethod() throws IOException {
        Path course = course();
        // The JDK has Math.fma; TeaVM's class library does not.
        edit(course, WIDGET, "double p = values[0];", "double p = Math.fma(values[0], 1, 0);");
        assertFailsAt(course, WIDGET, lineOf(course, WIDGET, "Math.fma"),
                "TeaVM cannot compile this for the page: Method java.lang.Math.fma(DDD)D was not found (in starter.CoinWidget.render)");
    }

    @Test
    void aWidgetThatThrowsOrLoopsIsAnErrorAtItsBlock() throws IOException {
        Path course = course();
        edit(course, WIDGET, "double p = values[0];", """
                double p = values[0];
                        if (p > 0.9) {
                            throw new IllegalStateException("too sure of heads");
                        }
                        while (values[1] == 200) {
                            Math.sqrt(p);
                        }""");
        Files.writeString(course.resolve(TOPIC), Files.readString(course.resolve(TOPIC))
                + "\n```sim coin\np: 0.95\n```\n\n```sim coin\nflips: 200\n```\n");
        long start = System.nanoTime();
        assertFailsAt(course, TOPIC, lineOf(course, TOPIC, "p: 0.95") - 1, "sim coin: the widget threw java.lang.IllegalStateException: too sure of heads at starter.CoinWidget.render(CoinWidget.java:");
        assertFailsAt(course, TOPIC, lineOf(course, TOPIC, "flips: 200") - 1, "sim coin: the widget did not finish within 10 s");
        assertTrue((System.nanoTime() - start) / 1e9 < 120, "the looping widget did not hold the build");
    }

    @Test
    void aSecondWidgetWithATakenNameIsLocatedInTheServicesFile() throws IOException {
        Path course = course();
        Path twin = course.resolve("content/sims/starter/Twin.java");
        Files.writeString(twin, Files.readString(course.resolve(WIDGET)).replace("class CoinWidget", "class Twin")
                .replace("return \"coin\";", "return \"dropout\";"));
        Files.writeString(course.resolve(SERVICES), Files.readString(course.resolve(SERVICES)) + "starter.Twin\n");
        assertFailsAt(course, SERVICES, lineOf(course, SERVICES, "starter.Twin"), "two widgets are named 'dropout'");
    }

    @Test
    void aListedClassThatIsMissingAndAMissingServicesFileAreLocated() throws IOException {
        Path course = course();
        Files.writeString(course.resolve(SERVICES), Files.readString(course.resolve(SERVICES)) + "starter.Nowhere\n");
        assertFailsAt(course, SERVICES, lineOf(course, SERVICES, "starter.Nowhere"), "starter.Nowhere not found");
        Files.delete(course.resolve(SERVICES));
        assertFailsAt(course, SERVICES, 0, "missing: list each widget class");
    }

    @Test
    void initRefusesAFolderThatHoldsFiles() throws IOException {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.md"), "mine");
        CliRun run = CliRun.of("init", mine.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("is not empty"), run.err());
        assertEquals(List.of(mine.resolve("notes.md")), Files.list(mine).toList());
        assertEquals("mine", Files.readString(mine.resolve("notes.md")));
    }
}
