package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.simnotes.sitegen.TestSite;

/** Drilling the interview answers by keyboard: hide, answer, reveal, mark, and find the marks kept. */
@NeedsBrowser
class SelfTestBrowserTest {

    private static List<WebElement> all(Browser b, String css) {
        return b.driver().findElements(By.cssSelector(css));
    }

    private static WebElement one(Browser b, String css) {
        return b.driver().findElement(By.cssSelector(css));
    }

    /** Moves the keyboard focus to a control and presses it, as a keyboard user does. */
    private static void press(Browser b, WebElement control, CharSequence key) {
        b.js("arguments[0].focus()", control);
        b.driver().switchTo().activeElement().sendKeys(key);
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "file"})
    void marksAreKeptAcrossReloadsAndCountedOnTheHomePage(String scheme) throws Exception {
        try (SiteOrigin site = SiteOrigin.open(scheme, TestSite.site()); Browser b = new Browser()) {
            b.open(site.url("dropout.html"));
            List<WebElement> answers = all(b, "blockquote.answer");
            assertEquals(2, answers.size(), "dropout has an answer and a follow-up answer");
            WebElement toggle = one(b, ".selftest-toggle");
            assertTrue(toggle.isDisplayed());
            assertTrue(toggle.getText().endsWith("自测模式"), toggle.getText());
            assertTrue(answers.get(0).isDisplayed(), "answers show until self-test mode is on");

            press(b, toggle, Keys.ENTER);
            assertEquals("true", toggle.getAttribute("aria-pressed"));
            assertTrue(answers.stream().noneMatch(WebElement::isDisplayed), "every answer is hidden");
            List<WebElement> reveal = all(b, ".selftest-reveal");
            assertEquals(2, reveal.size());
            assertEquals("显示答案", reveal.get(0).getText());
            assertTrue(all(b, ".selftest-marks").stream().noneMatch(WebElement::isDisplayed), "marking waits for the answer");

            press(b, reveal.get(0), Keys.ENTER);
            assertTrue(answers.get(0).isDisplayed(), "the first answer is revealed");
            assertFalse(answers.get(1).isDisplayed(), "the second stays hidden");
            assertEquals("收起答案", reveal.get(0).getText());
            assertEquals("true", reveal.get(0).getAttribute("aria-expanded"));
            press(b, all(b, ".selftest-known").get(0), Keys.SPACE);
            assertEquals("true", all(b, ".selftest-known").get(0).getAttribute("aria-pressed"));
            assertEquals("已标记 1 / 2 个回答", one(b, ".selftest-status").getText());

            press(b, reveal.get(1), Keys.SPACE);
            press(b, all(b, ".selftest-unsure").get(1), Keys.ENTER);
            assertEquals("本题已复习：1 个已掌握，1 个还不熟", one(b, ".selftest-status").getText());

            b.driver().navigate().refresh();
            assertEquals("true", one(b, ".selftest-toggle").getAttribute("aria-pressed"), "the mode is kept");
            answers = all(b, "blockquote.answer");
            assertTrue(answers.stream().noneMatch(WebElement::isDisplayed), "after a reload the answers are hidden again");
            assertEquals("本题已复习：1 个已掌握，1 个还不熟", one(b, ".selftest-status").getText(), "the marks are kept");
            press(b, all(b, ".selftest-reveal").get(0), Keys.ENTER);
            assertEquals("true", all(b, ".selftest-known").get(0).getAttribute("aria-pressed"));
            assertEquals("false", all(b, ".selftest-unsure").get(0).getAttribute("aria-pressed"));

            b.open(site.url("index.html"));
            WebElement summary = one(b, ".selftest-summary-text");
            assertTrue(summary.getText().startsWith("已复习 1 / 7 个题目"), summary.getText());
            assertEquals("待巩固", one(b, ".card[data-slug=dropout] .card-status").getText());
            assertEquals(1, all(b, ".card-status").size());

            WebElement reset = one(b, ".selftest-reset");
            press(b, reset, Keys.ENTER);
            b.waiting(5).until(ExpectedConditions.alertIsPresent()).accept();
            assertTrue(summary.getText().startsWith("已复习 0 / 7 个题目"), summary.getText());
            assertTrue(all(b, ".card-status").isEmpty());
            assertFalse(reset.isEnabled(), "nothing left to clear");
            assertEquals(List.of(), b.consoleErrors());
            assertTrue(b.requestedUrls().stream().allMatch(site::isLocal), "nothing is fetched from another host");
        }
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "file"})
    void anAnswerASearchLedToStaysInViewAndTheModeCanBeTurnedOff(String scheme) throws Exception {
        try (SiteOrigin site = SiteOrigin.open(scheme, TestSite.site()); Browser b = new Browser()) {
            b.open(site.url("pooling.html"));
            press(b, one(b, ".selftest-toggle"), Keys.ENTER);
            b.open(site.url("pooling.html?hl=%E5%8D%B7%E7%A7%AF#%E5%A6%82%E6%9E%9C%E9%9D%A2%E8%AF%95%E5%AE%98%E8%BF%BD%E9%97%AE%E6%B1%A0%E5%8C%96%E5%92%8C%E5%8D%B7%E7%A7%AF%E7%9A%84%E5%8C%BA%E5%88%AB"));
            List<WebElement> answers = all(b, "blockquote.answer");
            assertFalse(answers.get(0).isDisplayed(), "the answer the search did not lead to stays hidden");
            assertTrue(answers.get(1).isDisplayed(), "the answer holding the match is shown");
            assertFalse(answers.get(1).findElements(By.cssSelector("mark.search-hit")).isEmpty());

            press(b, one(b, ".selftest-toggle"), Keys.ENTER);
            assertEquals("false", one(b, ".selftest-toggle").getAttribute("aria-pressed"));
            assertTrue(all(b, "blockquote.answer").stream().allMatch(WebElement::isDisplayed), "answers show again");
            assertTrue(all(b, ".selftest-card, .selftest-marks").isEmpty());
            b.driver().navigate().refresh();
            assertEquals("false", one(b, ".selftest-toggle").getAttribute("aria-pressed"), "off is kept too");
        }
    }
}
