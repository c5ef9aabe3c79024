package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.simnotes.sitegen.TestSite;

/** Links and inputs no widget should trust, and a page whose WebAssembly cannot run. */
@NeedsBrowser
class HostileInputBrowserTest {

    private static WebElement widget(Browser b, String url, String id) {
        b.open(url);
        b.waiting(10).until(d -> d.findElement(By.id(id)).getAttribute("data-runtime") != null);
        return b.driver().findElement(By.id(id));
    }

    @Test
    void hostileValuesInTheAddressFallBackToDefaultsWithAVisibleNote() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            WebElement fig = widget(b, server.url("dropout.html")
                    + "#sim-dropout?keepProb=9e99&n=100000000&seed=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&style=evil", "sim-dropout");
            String note = fig.findElement(By.cssSelector(".sim-note")).getText();
            assertTrue(note.contains("参数 keepProb=9e99 无效，已改用默认值 0.5"), note);
            assertTrue(note.contains("参数 n=100000000 无效，已改用默认值 64"), note);
            assertTrue(note.contains("参数 seed=<img src=x onerror=alert… 无效"), "the value is shown as text, shortened: " + note);
            assertTrue(fig.findElements(By.cssSelector(".sim-view img")).isEmpty(), "and never becomes markup");
            assertEquals("0.5", fig.findElement(By.name("keepProb")).getAttribute("value"));
            assertEquals(64, fig.findElement(By.cssSelector("[data-grid=output]")).getAttribute("data-kept").length());

            WebElement pool = widget(b, server.url("pooling.html") + "#sim-pool?size=10&kernel=5&stride=1&padding=2&cell=99999", "sim-pool");
            assertTrue(pool.findElement(By.cssSelector(".sim-note")).getText().contains("cell=99999"));
            assertEquals(100, pool.findElement(By.cssSelector("[data-grid=input]")).getAttribute("data-values").split(" ").length,
                    "the largest grid the page allows");

            WebElement rnn = widget(b, server.url("rnn.html") + "#sim-rnn?steps=40&scale=2&activation=relu&hidden=8&t=40", "sim-rnn");
            assertEquals(41, rnn.findElements(By.cssSelector("rect.bar")).size(), "the longest unrolling still draws");
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    void aLinkHundredsOfThousandsOfCharactersLongIsAnsweredWithinASecond() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            b.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            for (String runtime : new String[] {"", "?sim-runtime=js"}) {
                WebElement fig = widget(b, server.url("dropout.html") + runtime, "sim-dropout");
                // The time from setting the address to the end of the widget's redraw, measured in the page.
                double millis = ((Number) ((JavascriptExecutor) b.driver()).executeAsyncScript(
                        "var done = arguments[arguments.length - 1], t0 = performance.now();"
                        + "addEventListener('hashchange', function () { setTimeout(function () { done(performance.now() - t0); }); }, {once: true});"
                        + "location.hash = 'sim-dropout?' + 'seed=1&'.repeat(100000);")).doubleValue();
                assertTrue(millis < 1000, fig.getAttribute("data-runtime") + ": the redraw took " + millis + " ms");
                assertEquals("链接中的参数有 700000 个字符，超过上限 1000，已全部改用默认值",
                        fig.findElement(By.cssSelector(".sim-note")).getText());
                assertEquals("42", fig.findElement(By.name("seed")).getAttribute("value"), "the defaults are drawn");
                assertEquals(List.of(), b.consoleErrors());
            }
        }
    }

    @Test
    void whenTheWebAssemblyCannotRunThePageSaysSoAndUsesJavaScript() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            // Damaged bytes, as from a broken download or a browser that rejects the module.
            ((ChromeDriver) b.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "Object.defineProperty(window, 'SIMNOTES_SIM_WASM', {get: () => 'AGFzbQEAAAA=', set: () => {}});"));
            WebElement fig = widget(b, server.url("dropout.html"), "sim-dropout");
            assertEquals("js", fig.getAttribute("data-runtime"));
            assertTrue(fig.findElement(By.cssSelector(".sim-runtime")).getText().contains("WebAssembly 版本无法运行"),
                    fig.findElement(By.cssSelector(".sim-runtime")).getText());
            assertEquals(64, fig.findElement(By.cssSelector("[data-grid=output]")).getAttribute("data-kept").length());
        }
    }
}
