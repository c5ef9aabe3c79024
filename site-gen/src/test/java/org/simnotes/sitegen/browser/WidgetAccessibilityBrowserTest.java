package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.simnotes.sitegen.TestSite;

/**
 * The simulation figures for every reader: axe-core finds nothing in any figure of the study guide, in
 * either theme, on a desktop and on a 360 px phone, and every character drawn in a figure is at least
 * 11 px and 4.5:1 against the shape under it; the pooling output is operated by keyboard; a change is
 * announced in one short sentence, not the whole view; the seed box lets a reader type; a shared link
 * brings its figure into view.
 */
@NeedsBrowser
class WidgetAccessibilityBrowserTest {
    /** axe-core's script, from the test class path (Deque's Selenium binding carries it), never the network. */
    private static final String AXE = axeSource();

    /**
     * Every character of every SVG text in the figure: its size on screen, and its contrast against the
     * filled shape under its centre (the figure's background where there is none). Colours are read
     * through a canvas, which turns any CSS colour (color-mix included) into sRGB bytes. Answers one line
     * per text with a character that fails.
     */
    private static final String TEXT_CHECK = """
            var figure = arguments[0], failures = [];
            var canvas = document.createElement('canvas'); canvas.width = canvas.height = 1;
            var ctx = canvas.getContext('2d', { willReadFrequently: true });
            function rgb(css) {
              ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
              return Array.prototype.slice.call(ctx.getImageData(0, 0, 1, 1).data, 0, 3);
            }
            function lum(c) {
              var l = c.map(function (v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
            }
            function background(el) {
              for (; el; el = el.parentElement) {
                var bg = getComputedStyle(el).backgroundColor;
                if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
              }
              return getComputedStyle(document.body).backgroundColor;
            }
            var view = figure.querySelector('.sim-view');
            figure.scrollIntoView({ block: 'start' });
            figure.querySelectorAll('svg text').forEach(function (text) {
              var style = getComputedStyle(text);
              var ctm = text.getScreenCTM();
              var size = parseFloat(style.fontSize) * Math.hypot(ctm.a, ctm.b);
              var fg = rgb(style.fill);
              for (var i = 0; i < text.getNumberOfChars(); i++) {
                var ch = text.textContent.charAt(i);
                if (!ch.trim()) continue;
                var box = text.getExtentOfChar(i);
                var p = text.ownerSVGElement.createSVGPoint();
                p.x = box.x + box.width / 2; p.y = box.y + box.height / 2;
                var at = p.matrixTransform(text.getScreenCTM());
                var v = view.getBoundingClientRect();
                // Bring the character into the view's window, scrolling the view sideways or the page.
                if (at.x < v.left || at.x > v.right) { view.scrollLeft += at.x - (v.left + v.right) / 2; }
                if (at.y < 0 || at.y > innerHeight) { window.scrollBy(0, at.y - innerHeight / 2); }
                at = p.matrixTransform(text.getScreenCTM());
                var under = document.elementsFromPoint(at.x, at.y).filter(function (el) {
                  return el instanceof SVGGeometryElement && el.closest('figure') === figure
                      && getComputedStyle(el).fill !== 'none' && parseFloat(getComputedStyle(el).opacity) === 1;
                })[0];
                var bg = rgb(under ? getComputedStyle(under).fill : background(text.ownerSVGElement));
                var a = lum(fg), b = lum(bg);
                var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                if (size < 10.95 || ratio < 4.5) {
                  failures.push('"' + ch + '" of "' + text.textContent.slice(0, 24) + '": ' + size.toFixed(1) + ' px, '
                      + ratio.toFixed(2) + ':1 on ' + (under ? under.getAttribute('class') : 'the background'));
                  break;
                }
              }
            });
            view.scrollLeft = 0;
            return failures;
            """;

    private static String axeSource() {
        try (InputStream in = WidgetAccessibilityBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} px, {1}")
    @CsvSource({"1280, light", "1280, dark", "360, light", "360, dark"})
    void everyFigureIsReadableAndHasNoAccessibilityViolation(int width, String scheme) throws IOException {
        Path site = TestSite.site(TestSite.projectRoot().resolve("content"));
        List<SiteFigure> figures = SiteFigure.all(site);
        List<String> found = new ArrayList<>();
        try (SiteServer server = new SiteServer(site); Browser b = new Browser(width, 1200)) {
            ((ChromeDriver) b.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            b.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            for (String page : SiteFigure.pages(figures)) {
                b.open(server.url(page));
                b.waiting(30).until(d -> (Boolean) b.js("return Array.prototype.every.call("
                        + "document.querySelectorAll('figure.sim'), function (f) { return f.hasAttribute('data-runtime'); })"));
                for (String v : axe(b)) {
                    found.add(page + ": " + v);
                }
                for (SiteFigure f : figures) {
                    if (f.page().equals(page)) {
                        WebElement figure = b.driver().findElement(By.id(f.id()));
                        for (Object v : (List<?>) b.js(TEXT_CHECK, figure)) {
                            found.add(page + "#" + f.id() + ": " + v);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, width + " px, " + scheme);
    }

    /** axe-core's violations inside the simulation figures of the page, one line each. */
    @SuppressWarnings("unchecked")
    private static List<String> axe(Browser b) {
        if (b.js("return typeof window.axe").equals("undefined")) {
            b.js(AXE);
        }
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "axe.run({ include: [['figure.sim']] }, { resultTypes: ['violations'] }).then(function (r) {"
                + "  done(r.violations.map(function (v) {"
                + "    return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 4).map(function (n) {"
                + "      return n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 160) + ']' : '');"
                + "    }).join('; ') + (v.nodes.length > 4 ? ' and ' + (v.nodes.length - 4) + ' more' : '');"
                + "  }));"
                + "}, function (e) { done(['axe failed: ' + e]); });");
    }

    @Test
    void thePoolingOutputIsOperatedByKeyboard() throws IOException {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            WebElement fig = open(b, server.url("pooling.html"), "sim-pool");
            // Tab from the last control, as a reader would, to the one output cell in the tab order.
            fig.findElement(By.name("seed")).click();
            WebElement focused = null;
            for (int i = 0; i < 6 && (focused == null || focused.getAttribute("data-pick") == null); i++) {
                new Actions(b.driver()).sendKeys(Keys.TAB).perform();
                focused = b.driver().switchTo().activeElement();
            }
            assertEquals("cell:1", focused.getAttribute("data-pick"), "the chosen output cell is reachable by Tab");
            assertEquals("radio", focused.getAttribute("role"));
            assertTrue(focused.getAttribute("aria-label").startsWith("第 1 行第 1 列："), focused.getAttribute("aria-label"));

            new Actions(b.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
            assertTrue(query(fig).contains("&cell=2&"), query(fig));
            assertEquals("第 1 行第 2 列", fig.findElement(By.cssSelector("[data-stat=value]")).findElement(By.xpath("preceding-sibling::dt")).getText());
            WebElement now = b.driver().switchTo().activeElement();
            assertEquals("cell:2", now.getAttribute("data-pick"), "the focus follows the choice");
            assertEquals("true", now.getAttribute("aria-checked"));

            // Enter on the last cell of the first row: the window moves and the value read out is that cell's.
            int outW = Integer.parseInt(fig.findElement(By.cssSelector("[data-stat=outSize]")).getAttribute("data-value"));
            for (int i = 2; i < outW; i++) {
                new Actions(b.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
            }
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();
            assertTrue(query(fig).contains("&cell=" + outW + "&"), query(fig));
            double[] output = java.util.Arrays.stream(fig.findElement(By.cssSelector("[data-grid=output]"))
                    .getAttribute("data-values").split(" ")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(output[outW - 1], Double.parseDouble(stat(fig, "value")), "the readout is the chosen cell's value");
            assertEquals("第 1 行第 " + outW + " 列", fig.findElement(By.cssSelector("[data-stat=value]"))
                    .findElement(By.xpath("preceding-sibling::dt")).getText(), "the slider and the readout count from 1 alike");
            assertEquals(String.valueOf(outW), fig.findElement(By.name("cell")).getAttribute("value"));
        }
    }

    @Test
    void aChangeIsAnnouncedInOneShortSentence() throws IOException {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            WebElement fig = open(b, server.url("dropout.html"), "sim-dropout");
            WebElement status = fig.findElement(By.cssSelector(".sim-status"));
            assertEquals("status", status.getAttribute("role"));
            assertNull(fig.findElement(By.cssSelector(".sim-view")).getAttribute("aria-live"), "the view is no live region");
            assertEquals("", status.getAttribute("textContent"), "nothing is announced before a change");

            fig.findElement(By.name("keepProb")).sendKeys(Keys.ARROW_LEFT);
            String said = status.getAttribute("textContent");
            String kept = fig.findElement(By.cssSelector("[data-stat=kept]")).getAttribute("data-value");
            assertTrue(said.startsWith("保留概率 p = 0.45："), said);
            assertTrue(said.contains("保留 " + kept + " 个，丢弃 " + (64 - Integer.parseInt(kept)) + " 个"), said);
            assertTrue(said.length() < 60 && said.indexOf('。') < 0, "one short sentence: " + said);
            String view = fig.findElement(By.cssSelector(".sim-view")).getAttribute("textContent");
            assertTrue(view.length() > 3 * said.length(), "far less than the view reads: " + view.length());

            // A choice is announced by what it changes.
            new org.openqa.selenium.support.ui.Select(fig.findElement(By.name("phase"))).selectByValue("infer");
            assertTrue(status.getAttribute("textContent").contains("推理时不丢弃"), status.getAttribute("textContent"));
        }
    }

    @Test
    void theSeedBoxKeepsWhatIsTyped() throws IOException {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            WebElement fig = open(b, server.url("dropout.html"), "sim-dropout");
            WebElement seed = fig.findElement(By.name("seed"));
            String mask = fig.findElement(By.cssSelector("[data-grid=output]")).getAttribute("data-kept");
            seed.click();
            seed.sendKeys(Keys.END);
            seed.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE);
            assertEquals("", seed.getAttribute("value"), "deleting the last digit leaves the box empty");
            seed.sendKeys("100");
            assertEquals("100", seed.getAttribute("value"));
            assertTrue(query(fig).contains("&seed=100&"), query(fig));
            assertNotEquals(mask, fig.findElement(By.cssSelector("[data-grid=output]")).getAttribute("data-kept"));
            seed.sendKeys(Keys.TAB);
            assertEquals("100", seed.getAttribute("value"), "and it stays after leaving the box");
        }
    }

    @Test
    void aSharedLinkBringsItsFigureIntoView() throws IOException {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            WebElement fig = open(b, server.url("pooling.html") + "#sim-pool?mode=avg&size=8&kernel=2&stride=2&padding=0&cell=3&seed=11",
                    "sim-pool");
            assertTrue(query(fig).startsWith("mode=avg&size=8"), query(fig));
            double top = ((Number) b.js("return arguments[0].getBoundingClientRect().top", fig)).doubleValue();
            double scrolled = ((Number) b.js("return window.scrollY")).doubleValue();
            assertTrue(scrolled > 0, "the page scrolled to the figure");
            assertTrue(top >= 0 && top < 300, "the figure's top is near the top of the window: " + top);
        }
    }

    private static WebElement open(Browser b, String url, String id) {
        b.open(url);
        b.waiting(20).until(d -> d.findElement(By.id(id)).getAttribute("data-runtime") != null);
        WebElement fig = b.driver().findElement(By.id(id));
        assertFalse(fig.findElements(By.cssSelector(".sim-state")).isEmpty());
        return fig;
    }

    private static String query(WebElement figure) {
        return figure.findElement(By.cssSelector(".sim-state")).getAttribute("data-query");
    }

    private static String stat(WebElement figure, String key) {
        return figure.findElement(By.cssSelector("[data-stat=" + key + "]")).getAttribute("data-value");
    }
}
