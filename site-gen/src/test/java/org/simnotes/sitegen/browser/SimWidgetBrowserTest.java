package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.simnotes.sim.Dropout;
import org.simnotes.sim.PoolResult;
import org.simnotes.sim.Pooling;
import org.simnotes.sim.web.SimExports;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;
import org.simnotes.sitegen.TestSite;

/**
 * The widgets as a learner uses them, in Debian's Chromium: the page runs the simulations by
 * WebAssembly (over http and from file://), controls change what is drawn, and every number drawn
 * equals what the same simulation computes on the JVM.
 */
@NeedsBrowser
class SimWidgetBrowserTest {
    private static final Widgets WIDGETS = Widgets.load(SimWidgetBrowserTest.class.getClassLoader());

    private static SiteServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = new SiteServer(TestSite.site());
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static WebElement openWidget(String url, String id, String runtime) {
        browser.open(url);
        browser.waiting(10).until(d -> runtime.equals(d.findElement(By.id(id)).getAttribute("data-runtime")));
        return browser.driver().findElement(By.id(id));
    }

    private static String query(WebElement figure) {
        return figure.findElement(By.cssSelector(".sim-state")).getAttribute("data-query");
    }

    /** The values a grid ({@code input} or {@code output}) carries at full precision. */
    private static double[] grid(WebElement figure, String grid) {
        return java.util.Arrays.stream(gridList(figure, grid, "data-values")).mapToDouble(Double::parseDouble).toArray();
    }

    private static int[] argmax(WebElement figure) {
        return java.util.Arrays.stream(gridList(figure, "output", "data-argmax")).mapToInt(Integer::parseInt).toArray();
    }

    private static int[] mask(WebElement figure) {
        return figure.findElement(By.cssSelector("[data-grid=output]")).getAttribute("data-kept").chars().map(c -> c - '0').toArray();
    }

    private static String[] gridList(WebElement figure, String grid, String attr) {
        return figure.findElement(By.cssSelector("[data-grid=" + grid + "]")).getAttribute(attr).split(" ");
    }

    private static double[] values(WebElement figure, String selector) {
        return figure.findElements(By.cssSelector(selector)).stream()
                .mapToDouble(e -> Double.parseDouble(e.getAttribute("data-value"))).toArray();
    }

    /** The same view computed on the JVM, parsed like the page. */
    private static Document jvmView(String name, String query) {
        return Jsoup.parse(WidgetState.fromQuery(WIDGETS.byName(name), query).render());
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": count");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    private static void press(WebElement control, Keys key, int times) {
        for (int i = 0; i < times; i++) {
            control.sendKeys(key);
        }
    }

    @Test
    void dropoutMaskFollowsTheSliderAndTheSeedExactlyAsOnTheJvm() {
        WebElement fig = openWidget(server.url("dropout.html"), "sim-dropout", "wasm");
        assertTrue(fig.findElement(By.cssSelector(".sim-runtime")).getText().contains("WebAssembly"));
        press(fig.findElement(By.name("keepProb")), Keys.ARROW_LEFT, 4);
        fig.findElement(By.cssSelector("[data-action=resample]")).click();
        String q = query(fig);
        assertTrue(q.startsWith("keepProb=0.3&n=64&seed=43"), q);
        assertTrue(browser.driver().getCurrentUrl().endsWith("#sim-dropout?" + q), "the state is in the address");

        int[] mask = mask(fig);
        assertArrayEquals(Dropout.mask(64, 0.3, 43), mask, "the page's mask is the JVM's");
        double[] input = grid(fig, "input");
        assertClose(Dropout.apply(64, 0.3, 43, input).invertedTrain(), grid(fig, "output"), "inverted output");
        assertEquals(String.valueOf(java.util.Arrays.stream(mask).sum()), fig.findElement(By.cssSelector("[data-stat=kept]")).getAttribute("data-value"));

        new Select(fig.findElement(By.name("style"))).selectByValue("classic");
        new Select(fig.findElement(By.name("phase"))).selectByValue("infer");
        assertClose(Dropout.apply(64, 0.3, 43, input).classicInference(), grid(fig, "output"), "classic inference output");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void poolingWindowAndArgmaxMatchTheJvmAndFollowClicks() {
        WebElement fig = openWidget(server.url("pooling.html"), "sim-pool", "wasm");
        press(fig.findElement(By.name("kernel")), Keys.ARROW_RIGHT, 1);
        press(fig.findElement(By.name("stride")), Keys.ARROW_LEFT, 1);
        press(fig.findElement(By.name("padding")), Keys.ARROW_RIGHT, 1);
        fig.findElements(By.cssSelector("[data-pick]")).get(7).click();
        String q = query(fig);
        assertTrue(q.startsWith("mode=max&size=6&kernel=3&stride=1&padding=1&cell=8"), "the eighth cell, counted from 1: " + q);

        double[] input = grid(fig, "input");
        PoolResult jvm = Pooling.max(6, 6, 3, 1, 1, input);
        assertArrayEquals(jvm.output(), grid(fig, "output"), "max pooling output, exactly");
        assertArrayEquals(jvm.argmax(), argmax(fig), "argmax, exactly");
        assertEquals("6", fig.findElement(By.cssSelector("[data-stat=outSize]")).getAttribute("data-value"));

        new Select(fig.findElement(By.name("mode"))).selectByValue("avg");
        assertClose(Pooling.avg(6, 6, 3, 1, 1, input).output(), grid(fig, "output"), "average pooling output");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void rnnGradientNormsVanishAndExplodeAsOnTheJvm() {
        WebElement fig = openWidget(server.url("rnn.html"), "sim-rnn", "wasm");
        double[] tanh = values(fig, "rect.bar");
        assertTrue(tanh[0] < tanh[tanh.length - 1] * 1e-3, "with tanh and ‖W_hh‖ = 0.9 the gradient vanishes");

        new Select(fig.findElement(By.name("activation"))).selectByValue("relu");
        press(fig.findElement(By.name("scale")), Keys.ARROW_RIGHT, 12);
        String q = query(fig);
        assertTrue(q.startsWith("steps=20&scale=1.5&activation=relu"), q);
        double[] relu = values(fig, "rect.bar");
        assertClose(values(jvmView("rnn", q)), relu, "gradient norms");
        assertTrue(relu[0] > relu[20] * 100, "with ReLU and ρ = 1.5 this seed's gradient explodes");
        new Select(fig.findElement(By.name("activation"))).selectByValue("linear");
        double[] linear = values(fig, "rect.bar");
        assertEquals(Math.pow(1.5, 20), linear[0] / linear[20], 1e-9 * Math.pow(1.5, 20), "without an activation each step back multiplies by ρ");
        press(fig.findElement(By.name("t")), Keys.ARROW_LEFT, 5);
        assertEquals("rnn t=15", "rnn t=" + fig.findElement(By.cssSelector("rect.bar.selected")).getAttribute("data-t"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static double[] values(Document view) {
        return view.select("rect.bar").stream().mapToDouble(e -> Double.parseDouble(e.attr("data-value"))).toArray();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExportsGiveThePageTheJvmsResults() {
        openWidget(server.url("dropout.html"), "sim-dropout", "wasm");
        // The page's own scripts: the loader, the module as base64; called as the benchmark page calls them.
        List<Object> r = (List<Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var text = atob(window.SIMNOTES_SIM_WASM), bytes = new Uint8Array(text.length);
                for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
                TeaVM.wasmGC.load(bytes).then(function (m) {
                  var grid = new Float64Array(64);
                  for (var j = 0; j < 64; j++) grid[j] = Math.sin(j * 12.9898) * 3;
                  done([Array.from(m.exports.dropoutMask(1000, 0.37, 12345)), Array.from(m.exports.poolMax(8, 8, 3, 1, 1, grid)),
                        Array.from(grid)]);
                }, function (e) { done(String(e)); });
                """);
        int[] mask = ((List<Object>) r.get(0)).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        assertArrayEquals(SimExports.dropoutMask(1000, 0.37, 12345), mask, "the packed mask, 32 units to an int");
        double[] grid = ((List<Object>) r.get(2)).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        double[] pooled = ((List<Object>) r.get(1)).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        assertArrayEquals(SimExports.poolMax(8, 8, 3, 1, 1, grid), pooled, "max pooling, exactly");
    }

    @Test
    @SuppressWarnings("unchecked")
    void viewsWithoutTranscendentalFunctionsAreTheJvmsCharacterForCharacter() {
        openWidget(server.url("dropout.html"), "sim-dropout", "wasm");
        // Numbers of 17 digits (x / 0.3, window sums / 9) are written by the same code in the page as on the JVM,
        // so these views, which call no Math.exp or Math.sin, are the same text in both runtimes.
        String[][] states = {
            {"dropout", "keepProb=0.3&n=256&seed=5&style=inverted&phase=train"},
            {"dropout", "keepProb=0.7&n=64&seed=8&style=classic&phase=infer"},
            {"pool", "mode=avg&size=10&kernel=3&stride=1&padding=1&cell=17&seed=7"},
            {"shift", "mode=avg&kernel=3&stride=1&shift=2&seed=9"}};
        List<Object> views = (List<Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var states = arguments[0], done = arguments[arguments.length - 1];
                var text = atob(window.SIMNOTES_SIM_WASM), bytes = new Uint8Array(text.length);
                for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
                TeaVM.wasmGC.load(bytes).then(function (m) {
                  var s = document.createElement('script');
                  s.src = document.querySelector('script[data-fallback]').getAttribute('data-fallback');
                  s.onload = function () {
                    done(states.map(function (st) { return [m.exports.renderWidget(st[0], st[1]), window.renderWidget(st[0], st[1])]; }));
                  };
                  document.head.appendChild(s);
                }, function (e) { done(String(e)); });
                """, List.of(states).stream().map(List::of).toList());
        for (int i = 0; i < states.length; i++) {
            String jvm = WidgetState.fromQuery(WIDGETS.byName(states[i][0]), states[i][1]).render();
            List<Object> page = (List<Object>) views.get(i);
            assertEquals(jvm, page.get(0), "WebAssembly " + states[i][0] + "?" + states[i][1]);
            assertEquals(jvm, page.get(1), "JavaScript " + states[i][0] + "?" + states[i][1]);
        }
    }

    @Test
    void fromFileTheWidgetsStillRunOnWebAssembly() {
        String url = TestSite.site().resolve("pooling.html").toUri() + "#sim-pool?mode=max&size=8&kernel=2&stride=2&padding=0&cell=5&seed=11";
        WebElement fig = openWidget(url, "sim-pool", "wasm");
        double[] input = grid(fig, "input");
        assertEquals(64, input.length);
        assertArrayEquals(Pooling.max(8, 8, 2, 2, 0, input).argmax(), argmax(fig));
        List<String> urls = browser.requestedUrls();
        assertTrue(urls.stream().allMatch(u -> u.startsWith("file:") || u.startsWith("data:")), "nothing fetched from a server: " + urls);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theJavaScriptFallbackDrawsTheSameNumbers() {
        String state = "#sim-rnn?steps=25&scale=1.2&activation=tanh&hidden=5&t=9&seed=8";
        WebElement wasm = openWidget(server.url("rnn.html") + state, "sim-rnn", "wasm");
        double[] fromWasm = values(wasm, "rect.bar");
        WebElement js = openWidget(server.url("rnn.html?sim-runtime=js") + state, "sim-rnn", "js");
        assertTrue(js.findElement(By.cssSelector(".sim-runtime")).getText().contains("JavaScript"));
        assertClose(fromWasm, values(js, "rect.bar"), "JS fallback vs wasm");
        assertNotEquals(0, fromWasm.length);

        WebElement dropJs = openWidget(server.url("dropout.html?sim-runtime=js") + "#sim-dropout?keepProb=0.65&n=128&seed=99",
                "sim-dropout", "js");
        assertArrayEquals(Dropout.mask(128, 0.65, 99), mask(dropJs));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void beforeAnyScriptRunsEachWidgetShowsTheJvmPicture() throws Exception {
        Document page = Jsoup.parse(TestSite.site().resolve("dropout.html").toFile(), "UTF-8");
        var fig = page.selectFirst("figure#sim-dropout");
        assertTrue(fig.selectFirst(".sim-controls").hasAttr("hidden"), "controls wait for the script");
        String kept = fig.selectFirst("[data-grid=output]").attr("data-kept");
        assertEquals(64, kept.length(), "the default mask is drawn");
        int[] mask = kept.chars().map(c -> c - '0').toArray();
        assertArrayEquals(Dropout.mask(64, 0.5, 42), mask);
        for (String topic : List.of("pooling", "rnn", "gradient-vanishing")) {
            Document d = Jsoup.parse(TestSite.site().resolve(topic + ".html").toFile(), "UTF-8");
            assertEquals(1, d.select("figure.sim svg").stream().findAny().map(e -> 1).orElse(0), topic + " has a drawn widget");
        }
    }
}
