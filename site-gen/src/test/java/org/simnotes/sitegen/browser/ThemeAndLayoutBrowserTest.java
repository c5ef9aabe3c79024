package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void theThemeToggleIsRememberedAcrossPages() throws Exception {
        Path site = TestSite.site();
        try (SiteServer server = new SiteServer(site); Browser b = new Browser()) {
            b.open(server.url("index.html"));
            String before = (String) b.js("return getComputedStyle(document.body).backgroundColor");
            WebElement toggle = b.driver().findElement(By.cssSelector(".theme-toggle"));
            assertTrue(toggle.isDisplayed(), "the toggle shows once scripts run");
            toggle.click();
            String after = (String) b.js("return getComputedStyle(document.body).backgroundColor");
            assertTrue(!before.equals(after), "the page changed colour: " + before + " → " + after);
            b.open(server.url("pooling.html"));
            assertEquals(after, b.js("return getComputedStyle(document.body).backgroundColor"), "kept on the next page");
            String theme = (String) b.js("return document.documentElement.dataset.theme");
            assertEquals(String.valueOf(theme.equals("dark")),
                    b.driver().findElement(By.cssSelector(".theme-toggle")).getAttribute("aria-pressed"),
                    "the toggle says which theme is on");
            assertEquals(List.of(), b.consoleErrors());
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
