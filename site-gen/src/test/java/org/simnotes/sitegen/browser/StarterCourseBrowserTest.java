package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;
import org.simnotes.sitegen.cmd.SimNotesCommand;

/**
 * A new author's first minutes, in an empty folder with nothing of this repository's: {@code init course},
 * then {@code build} inside it, each in a JVM of its own started there. In Chromium the starter widget then
 * runs as WebAssembly, from file:// and over http, and draws what the same class draws on the JVM.
 */
@NeedsBrowser
class StarterCourseBrowserTest {
    @TempDir
    static Path empty;

    private static Path course;
    private static Widget coin;
    private static Browser browser;
    private static SiteServer server;

    @BeforeAll
    static void initAndBuild() throws Exception {
        run(empty, "init", "course");
        course = empty.resolve("course");
        run(course, "build");
        // The class the build compiled, loaded as the build did, to compare with what the page runs.
        URL classes = course.resolve(".simnotes-cache/sims/classes").toUri().toURL();
        coin = Widgets.load(new URLClassLoader(new URL[] {classes}, StarterCourseBrowserTest.class.getClassLoader())).byName("coin");
        browser = new Browser();
        server = new SiteServer(course.resolve("site"));
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    /** Runs the command line in a new JVM whose current folder is {@code cwd}, as an author at a shell would. */
    private static void run(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimNotesCommand.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("simnotes", ".log");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the command ends");
        String out = Files.readString(log);
        Files.delete(log);
        assertEquals(0, p.exitValue(), String.join(" ", args) + ":\n" + out);
    }

    private static WebElement openWidget(String url) {
        browser.open(url);
        browser.waiting(20).until(d -> "wasm".equals(d.findElement(By.id("sim-coin")).getAttribute("data-runtime")));
        return browser.driver().findElement(By.id("sim-coin"));
    }

    private static String view(WebElement figure) {
        return (String) browser.js("return arguments[0].querySelector('.sim-view').innerHTML", figure);
    }

    private static String query(WebElement figure) {
        return figure.findElement(By.cssSelector(".sim-state")).getAttribute("data-query");
    }

    private static void assertJvmView(String query, WebElement figure) {
        assertNull(SameView.difference(WidgetState.fromQuery(coin, query).render(), view(figure)), "the page draws the JVM's view of " + query);
    }

    @Test
    void theStarterWidgetRunsAsWebAssemblyFromFileAndHttpWithTheJvmsNumbers() {
        for (String page : List.of(course.resolve("site/coin-flips.html").toUri().toString(), server.url("coin-flips.html"))) {
            String state = "p=0.65&flips=120&seed=11&show=all";
            WebElement fig = openWidget(page + "#sim-coin?" + state);
            assertTrue(fig.findElement(By.cssSelector(".sim-runtime")).getText().contains("WebAssembly"));
            assertEquals(state, query(fig));
            assertJvmView(state, fig);

            String before = view(fig);
            fig.findElement(By.name("p")).sendKeys(Keys.ARROW_RIGHT);
            assertEquals("p=0.7&flips=120&seed=11&show=all", query(fig));
            assertNotEquals(before, view(fig), "the slider redraws");
            assertJvmView(query(fig), fig);
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
