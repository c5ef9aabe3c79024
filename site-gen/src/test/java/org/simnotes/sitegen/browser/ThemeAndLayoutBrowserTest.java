package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.simnotes.sitegen.TestSite;

/** What a reader does first: switch the theme, move by keyboard, read on a phone. */
@NeedsBrowser
class ThemeAndLayoutBrowserTest {

    /**
     * The toggle goes from following the system to light, to dark and back to following the system; the
     * choice holds on the next page, and following the system again tracks a change of the system's scheme.
     */
    @Test
    void theThemeChoiceCyclesThroughSystemLightAndDarkAndIsRemembered() throws Exception {
        Path site = TestSite.site();
        try (SiteServer server = new SiteServer(site); Browser b = new Browser()) {
            b.colorScheme("dark");
            b.open(server.url("index.html"));
            String background = "return getComputedStyle(document.body).backgroundColor";
            String systemDark = (String) b.js(background);
            WebElement toggle = b.driver().findElement(By.cssSelector(".theme-toggle"));
            assertTrue(toggle.isDisplayed(), "the toggle shows once scripts run");
            assertEquals("主题：跟随系统", toggle.getAttribute("aria-label"));

            toggle.click();
            assertEquals("主题：浅色", toggle.getAttribute("aria-label"));
            String light = (String) b.js(background);
            assertNotEquals(systemDark, light, "light overrides the dark system setting");
            b.open(server.url("pooling.html"));
            assertEquals(light, b.js(background), "kept on the next page");

            toggle = b.driver().findElement(By.cssSelector(".theme-toggle"));
            toggle.click();
            assertEquals("主题：深色", toggle.getAttribute("aria-label"));
            assertEquals(systemDark, b.js(background));

            toggle.click();
            assertEquals("主题：跟随系统", toggle.getAttribute("aria-label"));
            b.colorScheme("light");
            assertEquals(light, b.js(background), "following the system again, the page turns light with it");
            b.open(server.url("index.html"));
            assertEquals("主题：跟随系统", b.driver().findElement(By.cssSelector(".theme-toggle")).getAttribute("aria-label"),
                    "following the system is remembered too");
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    /** The toggle shows the icon of the current choice alone: a half disc, a sun or a moon. */
    @Test
    void theToggleShowsOneIconForTheCurrentChoice() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            b.colorScheme("light");
            b.open(server.url("index.html"));
            WebElement toggle = b.driver().findElement(By.cssSelector(".theme-toggle"));
            for (String choice : List.of("light", "dark", "system")) {
                toggle.click();
                List<WebElement> shown = toggle.findElements(By.cssSelector(".theme-icon")).stream().filter(WebElement::isDisplayed).toList();
                assertEquals(1, shown.size(), choice + ": one icon");
                assertEquals("theme-icon theme-icon-" + choice, shown.get(0).getAttribute("class"));
            }
        }
    }

    @Test
    void theSkipLinkIsTheFirstTabStopAndLeadsToTheText() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            b.open(server.url("dropout.html"));
            b.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement focused = b.driver().switchTo().activeElement();
            assertEquals("跳到正文", focused.getText());
            assertTrue(focused.isDisplayed(), "the skip link shows when focused");
            focused.sendKeys(Keys.ENTER);
            assertEquals("main", b.driver().switchTo().activeElement().getAttribute("id"));
        }
    }

    @Test
    void onA360PixelPhoneNothingScrollsSideways() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser(360, 800)) {
            for (String page : List.of("index.html", "pooling.html", "lstm-gru.html", "batchnorm-vs-layernorm.html")) {
                b.open(server.url(page));
                long scrollWidth = (Long) b.js("return document.documentElement.scrollWidth");
                long clientWidth = (Long) b.js("return document.documentElement.clientWidth");
                assertTrue(scrollWidth <= clientWidth, page + " is " + scrollWidth + " px wide on a " + clientWidth + " px screen");
            }
        }
    }
}
