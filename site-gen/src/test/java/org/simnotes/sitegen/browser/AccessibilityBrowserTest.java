package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.simnotes.sitegen.TestSite;

/**
 * axe-core finds nothing on any page of the fixture course or of the study guide, in either theme, on a
 * desktop and on a 360 px phone, with self-test mode on (an answer revealed and marked), with the header's
 * search list open, on the search page's results and with the phone menu open.
 */
@NeedsBrowser
class AccessibilityBrowserTest {

    @ParameterizedTest(name = "{0} px, {1}")
    @CsvSource({"1280, light", "1280, dark", "360, light", "360, dark"})
    void noPageHasAnAccessibilityViolation(int width, String scheme) throws Exception {
        List<String> found = new ArrayList<>();
        for (Path site : List.of(TestSite.site(), TestSite.site(TestSite.projectRoot().resolve("content")))) {
            try (SiteServer server = new SiteServer(site); Browser b = new Browser(width, 900)) {
                b.colorScheme(scheme);
                b.open(server.url("index.html"));
                b.js("localStorage.setItem('simnotes-selftest-mode', 'on')");
                List<String> pages = pages(site);
                for (String page : pages) {
                    b.open(server.url(page));
                    List<WebElement> reveal = b.driver().findElements(By.cssSelector(".selftest-reveal"));
                    if (!reveal.isEmpty()) {
                        b.js("arguments[0].click(); document.querySelector('.selftest-known').click()", reveal.get(0));
                    }
                    check(b, page, found);
                }
                assertTrue(pages.size() >= 10, "every page was checked: " + pages);

                b.open(server.url("search.html?q=%E6%A2%AF%E5%BA%A6"));
                b.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-result mark")));
                check(b, "search.html?q=梯度", found);

                if (width >= 1280) {
                    b.open(server.url("index.html"));
                    WebElement box = b.driver().findElement(By.id("site-search-input"));
                    box.sendKeys("梯度");
                    b.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("site-search-option-0")));
                    box.sendKeys(Keys.ARROW_DOWN);
                    check(b, "index.html, the search list open", found);
                } else {
                    String topic = pages.stream().filter(p -> !List.of("index.html", "search.html", "404.html").contains(p))
                            .findFirst().orElseThrow();
                    b.open(server.url(topic));
                    b.driver().findElement(By.cssSelector(".menu-toggle")).click();
                    assertEquals("true", b.driver().findElement(By.cssSelector(".menu-toggle")).getAttribute("aria-expanded"));
                    check(b, topic + ", the menu open", found);
                }
            }
        }
        assertEquals(List.of(), found, "violations at " + width + " px, " + scheme);
    }

    private static void check(Browser b, String where, List<String> found) {
        for (String v : Axe.violations(b)) {
            found.add(where + ": " + v);
        }
    }

    /** Every page of the built site, home last so it shows the marks made on the topics. */
    private static List<String> pages(Path site) throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html"))
                    .sorted(Comparator.comparing((String n) -> n.equals("index.html")).thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
    }
}
