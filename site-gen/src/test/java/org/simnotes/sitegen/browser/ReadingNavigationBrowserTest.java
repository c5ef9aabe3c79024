package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.simnotes.sitegen.TestSite;

/** Finding the way as a reader does: the phone menu, the table of contents, back to top, ← and →. */
@NeedsBrowser
class ReadingNavigationBrowserTest {

    private static WebElement one(Browser b, String css) {
        return b.driver().findElement(By.cssSelector(css));
    }

    /** Whether the element lies wholly in the window below the sticky header. */
    private static boolean inView(Browser b, WebElement e) {
        return (Boolean) b.js("var r = arguments[0].getBoundingClientRect(),"
                + " top = document.querySelector('.site-header').getBoundingClientRect().bottom;"
                + "return r.height > 0 && r.top >= top - 1 && r.bottom <= innerHeight + 1;", e);
    }

    @Test
    void onAPhoneTheMenuReachesEveryTopicInOneTap() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser(360, 740)) {
            b.open(server.url("index.html"));
            List<String> topics = b.driver().findElements(By.cssSelector(".card-title")).stream().map(WebElement::getText).toList();
            b.open(server.url("pooling.html"));
            assertFalse(one(b, ".toc").getAttribute("open") != null, "the table of contents starts closed on a phone");
            WebElement menu = one(b, ".menu-toggle");
            assertEquals("false", menu.getAttribute("aria-expanded"));
            menu.click();
            assertEquals("true", menu.getAttribute("aria-expanded"));
            WebElement list = one(b, "#site-menu");
            List<WebElement> links = list.findElements(By.cssSelector(".topic-nav a"));
            assertEquals(topics, links.stream().map(a -> a.getText().replaceFirst("^\\d+\\. ", "")).toList(),
                    "the menu lists every topic of the home page");
            assertEquals("池化的作用是什么", b.driver().switchTo().activeElement().getText(), "the focus is on this page's topic");
            assertTrue(inView(b, b.driver().switchTo().activeElement()), "and it is in view");
            b.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            assertEquals("false", menu.getAttribute("aria-expanded"), "Escape closes the menu");
            assertEquals(menu, b.driver().switchTo().activeElement(), "and gives the focus back to its button");

            menu.click();
            WebElement last = links.get(links.size() - 1);
            b.js("arguments[0].scrollIntoView({block: 'nearest'})", last);
            assertTrue(inView(b, last), "the last topic is reachable in the menu");
            last.click();
            b.waiting(10).until(ExpectedConditions.urlContains("lstm-gru.html"));
        }
    }

    @Test
    void onAWideScreenTheTableOfContentsStaysInViewAndMarksTheSectionBeingRead() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser(1280, 800)) {
            b.open(server.url("lstm-gru.html"));
            WebElement toc = one(b, ".toc");
            assertTrue(toc.getAttribute("open") != null, "open beside the text");
            List<String> sections = toc.findElements(By.cssSelector("a")).stream().map(WebElement::getText).toList();
            assertTrue(sections.size() >= 3, "sections to follow: " + sections);
            // Read down the page a third of a screen at a time, noting the section marked at each step.
            List<String> marked = new ArrayList<>();
            for (int step = 0; step < 100 && !(Boolean) b.js("return innerHeight + scrollY >= document.documentElement.scrollHeight - 1"); step++) {
                b.js("window.scrollBy(0, innerHeight / 3)");
                String now = (String) b.waiting(5).until(d -> b.js("return new Promise(function (done) {"
                        + " requestAnimationFrame(function () { requestAnimationFrame(function () {"
                        + "   var a = document.querySelectorAll('.toc a[aria-current]');"
                        + "   done(a.length > 1 ? 'more than one' : a.length ? a[0].textContent : ''); }); }); })"));
                assertTrue(inView(b, toc), "the contents stay in view at " + now);
                if (!now.isEmpty() && (marked.isEmpty() || !marked.get(marked.size() - 1).equals(now))) {
                    marked.add(now);
                }
            }
            assertEquals(sections.get(0), marked.get(0), "the first section is marked first: " + marked);
            assertEquals(sections.get(sections.size() - 1), marked.get(marked.size() - 1), "the last at the end: " + marked);
            List<Integer> order = marked.stream().map(sections::indexOf).toList();
            assertEquals(order.stream().sorted().distinct().toList(), order, "the mark moves down the contents in order: " + marked);
            assertTrue(marked.size() >= sections.size() - 1, "each section is marked on the way: " + marked);
        }
    }

    @Test
    void backToTopAppearsAScreenDownAndReturnsToTheStartOfTheText() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser(360, 740)) {
            b.open(server.url("pooling.html"));
            WebElement up = one(b, ".back-to-top");
            assertFalse(up.isDisplayed(), "not at the top of the page");
            b.js("window.scrollTo(0, document.documentElement.scrollHeight)");
            b.waiting(5).until(ExpectedConditions.visibilityOf(up));
            assertEquals("回到顶部", up.getText());
            up.click();
            b.waiting(5).until(d -> (Long) b.js("return Math.round(scrollY)") == 0L);
            assertEquals("main", b.driver().switchTo().activeElement().getAttribute("id"), "the next Tab starts at the text");
            b.waiting(5).until(ExpectedConditions.invisibilityOf(up));
        }
    }

    @Test
    void theArrowKeysOpenThePreviousAndNextTopicButNotWhileTyping() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            b.open(server.url("pooling.html"));
            String next = one(b, "a[rel=next]").getAttribute("href");
            String prev = one(b, "a[rel=prev]").getAttribute("href");
            WebElement box = one(b, "#site-search-input");
            box.sendKeys("池化", Keys.ARROW_RIGHT);
            assertTrue(b.driver().getCurrentUrl().endsWith("pooling.html"), "→ in the search box moves the cursor only");
            box.sendKeys(Keys.ESCAPE);

            new Actions(b.driver()).moveToElement(one(b, "h1")).click().sendKeys(Keys.ARROW_RIGHT).perform();
            b.waiting(10).until(ExpectedConditions.urlToBe(next));
            new Actions(b.driver()).sendKeys(Keys.ARROW_LEFT).perform();
            b.waiting(10).until(ExpectedConditions.urlContains("pooling.html"));
            new Actions(b.driver()).sendKeys(Keys.ARROW_LEFT).perform();
            b.waiting(10).until(ExpectedConditions.urlToBe(prev));
            assertTrue(one(b, ".shortcuts").getAttribute("textContent").contains("← 上一题"), "the keys are named on the page");
        }
    }

    @Test
    void nothingMovesAsThePageFinishesLoading() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site())) {
            for (int width : new int[] {1280, 360}) {
                try (Browser b = new Browser(width, 800)) {
                    // A slow line, so the browser paints pages before it has read them to the end, as on a phone network.
                    b.throttle(150, 150_000);
                    b.open(server.url("dropout.html"));
                    // A reviewed topic changes what the home page's self-test summary says.
                    b.js("localStorage.setItem('simnotes-selftest:dropout', JSON.stringify({total: 2, marks: {0: 'known', 1: 'known'}}))");
                    for (String page : List.of("index.html", "pooling.html", "dropout.html", "404.html")) {
                        b.open(server.url(page));
                        @SuppressWarnings("unchecked")
                        List<Object> shifts = (List<Object>) b.jsAsync("var done = arguments[arguments.length - 1], sum = 0, moved = [];"
                                + "new PerformanceObserver(function (list) {"
                                + "  list.getEntries().forEach(function (e) {"
                                + "    if (e.hadRecentInput) return;"
                                + "    sum += e.value;"
                                + "    e.sources.forEach(function (s) {"
                                + "      var n = s.node, r = function (q) { return [q.x, q.y, q.width, q.height].map(Math.round).join(','); };"
                                + "      moved.push((n && n.nodeType === 1 ? n.tagName.toLowerCase() + '.' + n.className : n ? n.nodeName : '?')"
                                + "          + ' ' + r(s.previousRect) + ' → ' + r(s.currentRect));"
                                + "    });"
                                + "  });"
                                + "}).observe({type: 'layout-shift', buffered: true});"
                                + "setTimeout(function () { done([sum, moved.join('; ')]); }, 1500);");
                        double shift = ((Number) shifts.get(0)).doubleValue();
                        assertTrue(shift < 0.01, page + " at " + width + " px shifts its layout by " + shift + ": " + shifts.get(1));
                    }
                }
            }
        }
    }

    @Test
    void theHomePageUsesTheWidthOfAWideScreen() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser(1280, 900)) {
            b.open(server.url("index.html"));
            long columns = (Long) b.js("return new Set(Array.prototype.map.call("
                    + "document.querySelectorAll('#cat-0 ~ .cards .card'), function (c) { return c.offsetLeft; })).size");
            assertTrue(columns >= 3, "cards in " + columns + " columns");
            @SuppressWarnings("unchecked")
            List<Number> gaps = (List<Number>) b.js("return Array.prototype.map.call(document.querySelectorAll('.card'), function (c) {"
                    + "  return c.querySelector('.card-summary').getBoundingClientRect().top - c.querySelector('.card-title').getBoundingClientRect().bottom; })");
            double rowGap = ((Number) b.js("return parseFloat(getComputedStyle(document.querySelector('.card a')).rowGap)")).doubleValue();
            for (Number gap : gaps) {
                assertTrue(gap.doubleValue() <= rowGap + 1, "a summary follows its title closely: " + gaps);
            }
        }
    }

    @Test
    void theTextFollowsTheReadersFontSizeAndTheFooterSitsAtTheBottom() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser normal = new Browser(1280, 900);
             Browser large = new Browser(1280, 900, 24)) {
            normal.open(server.url("pooling.html"));
            large.open(server.url("pooling.html"));
            String size = "return parseFloat(getComputedStyle(document.querySelector('.content p')).fontSize)";
            double ratio = ((Number) large.js(size)).doubleValue() / ((Number) normal.js(size)).doubleValue();
            assertEquals(24.0 / 16, ratio, 0.01, "text grows with the browser's font size");

            normal.open(server.url("404.html"));
            assertEquals(normal.js("return innerHeight"), normal.js(
                    "return Math.round(document.querySelector('.site-footer').getBoundingClientRect().bottom)"),
                    "the footer ends at the bottom of the window on a short page");
            assertNotEquals(0L, normal.js("return document.querySelector('.site-footer').getBoundingClientRect().top"));
        }
    }
}
