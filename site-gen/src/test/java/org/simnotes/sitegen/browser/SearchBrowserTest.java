package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.search.GeneratedCorpus;
import org.simnotes.sitegen.search.SearchCorpus;
import org.simnotes.sitegen.search.SearchHit;
import org.simnotes.sitegen.search.SearchIndex;
import org.simnotes.sitegen.search.SearchIndexer;
import org.simnotes.sitegen.search.SearchQuery;
import org.simnotes.sitegen.search.SearchScripts;
import org.simnotes.sitegen.search.Segmenter;

/** Searching as a learner does: the header box by keyboard, the search page, the marked section. */
@NeedsBrowser
class SearchBrowserTest {
    @TempDir
    Path dir;

    private static final String GRADIENT_TITLE = "梯度消失和梯度爆炸的原因是什么";

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> marks(Browser b, String selector) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) b.js("var out = [];"
                + "document.querySelectorAll(arguments[0]).forEach(function (e) {"
                + "  e.querySelectorAll('mark.search-hit').forEach(function (m) { out.push(m.textContent); }); });"
                + "return out;", selector);
        return found;
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "file"})
    void aQueryTypedInTheHeaderLeadsToTheMarkedSection(String scheme) throws Exception {
        try (SiteOrigin site = SiteOrigin.open(scheme, TestSite.site()); Browser b = new Browser()) {
            b.open(site.url("pooling.html"));
            b.driver().findElement(By.tagName("body")).sendKeys("/");
            WebElement box = b.driver().switchTo().activeElement();
            assertEquals("site-search-input", box.getAttribute("id"), "/ puts the cursor in the search box");
            box.sendKeys("梯度消失");
            WebElement first = b.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("site-search-option-0")));
            assertTrue(first.getText().startsWith(GRADIENT_TITLE), first.getText());
            assertEquals(List.of("梯度消失", "梯度消失"), first.findElements(By.cssSelector(".search-title mark, .search-section mark"))
                    .stream().map(WebElement::getText).filter(t -> t.equals("梯度消失")).toList(),
                    "the title and the section name show the match");

            box.sendKeys(Keys.ARROW_DOWN);
            assertEquals("site-search-option-0", box.getAttribute("aria-activedescendant"));
            assertEquals("true", first.getAttribute("aria-selected"));
            box.sendKeys(Keys.ENTER);
            b.waiting(10).until(ExpectedConditions.urlContains("gradient-vanishing.html?hl="));

            String hash = URLDecoder.decode((String) b.js("return location.hash"), StandardCharsets.UTF_8);
            assertEquals("#1-梯度消失的原因", hash, "the result opens the section that matched");
            String section = "[id='1-梯度消失的原因'], [id='1-梯度消失的原因'] ~ *";
            assertTrue(marks(b, "[id='1-梯度消失的原因']").contains("梯度消失"), "the heading is marked");
            assertTrue(marks(b, section).size() >= 3, "the section's text is marked: " + marks(b, section));
            assertEquals(List.of(), marks(b, ".topic-header"), "only the section is marked");
            assertEquals(Boolean.TRUE, b.js("var r = document.getElementById('1-梯度消失的原因').getBoundingClientRect();"
                    + "return r.top >= 0 && r.bottom <= innerHeight;"), "the section is in view");

            assertEquals(List.of(), b.consoleErrors());
            assertTrue(b.requestedUrls().stream().allMatch(site::isLocal), "nothing is fetched from another host");
        }
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "file"})
    void theSearchPageReadsItsQueryAndSaysWhenNothingMatches(String scheme) throws Exception {
        try (SiteOrigin site = SiteOrigin.open(scheme, TestSite.site()); Browser b = new Browser()) {
            b.open(site.url("search.html?q=" + q("Batch Norm")));
            WebElement first = b.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-result a")));
            assertEquals("BatchNorm和LayerNorm有什么区别", first.getText());
            assertEquals("Batch Norm", b.driver().findElement(By.id("search-page-input")).getAttribute("value"));
            assertTrue(b.driver().findElement(By.cssSelector(".search-status")).getText().startsWith("找到 "));
            first.click();
            b.waiting(10).until(ExpectedConditions.urlContains("batchnorm-vs-layernorm.html?hl="));
            assertFalse(marks(b, ".search-target, .search-target ~ *").isEmpty(), "the section is marked");

            b.open(site.url("search.html?q=" + q("量子计算")));
            WebElement status = b.driver().findElement(By.cssSelector(".search-status"));
            b.waiting(10).until(ExpectedConditions.textToBePresentInElement(status, "没有找到"));
            assertEquals("没有找到与“量子计算”相关的内容。换个说法，或试试更短的关键词。", status.getText());
            assertTrue(b.driver().findElements(By.cssSelector(".search-result")).isEmpty());

            WebElement input = b.driver().findElement(By.id("search-page-input"));
            input.clear();
            input.sendKeys("LSTM");
            b.waiting(10).until(ExpectedConditions.textToBePresentInElement(status, "找到"));
            assertEquals("LSTM和GRU", b.driver().findElement(By.cssSelector(".search-result a")).getText());
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    /** A snippet shows a formula as it reads ($W_{hh}$ as Wₕₕ), not as a placeholder or as its TeX. */
    @Test
    void aSnippetShowsItsFormulasAsText() throws Exception {
        try (SiteOrigin site = SiteOrigin.open("http", TestSite.site()); Browser b = new Browser()) {
            b.open(site.url("search.html?q=" + q("谱范数")));
            WebElement snippet = b.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-result .search-snippet")));
            assertTrue(snippet.getText().contains("Wₕₕ 的谱范数"), snippet.getText());
            assertFalse(snippet.getText().contains("⋯") || snippet.getText().contains("\\"), snippet.getText());
        }
    }

    @Test
    void escapeClosesTheListAndAQueryWithNoHitSaysSo() throws Exception {
        try (SiteOrigin site = SiteOrigin.open("http", TestSite.site()); Browser b = new Browser()) {
            b.open(site.url("index.html"));
            WebElement box = b.driver().findElement(By.id("site-search-input"));
            box.sendKeys("量子计算");
            WebElement status = b.driver().findElement(By.cssSelector(".site-search-status"));
            b.waiting(10).until(ExpectedConditions.visibilityOf(status));
            assertEquals("没有找到与“量子计算”相关的内容", status.getText());
            assertEquals("true", box.getAttribute("aria-expanded"));
            box.sendKeys(Keys.ESCAPE);
            assertEquals("false", box.getAttribute("aria-expanded"));
            assertFalse(status.isDisplayed());
        }
    }

    @Test
    void theNotFoundPageSearchesFromTheSiteRootWhereverItIsServed() throws Exception {
        try (SiteOrigin site = SiteOrigin.open("http", TestSite.site()); Browser b = new Browser()) {
            b.open(site.url("no/such/topic.html"));
            WebElement box = b.driver().findElement(By.id("site-search-input"));
            box.sendKeys("残差");
            b.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("site-search-option-0")));
            box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
            b.waiting(10).until(ExpectedConditions.urlContains("/residual-connection.html?hl="));
            assertEquals(site.url("residual-connection.html"), b.js("return location.origin + location.pathname"));
            assertFalse(marks(b, ".search-target, .search-target ~ *").isEmpty());
        }
    }

    /** The browser's copy of the segmenter and the ranking gives what the JVM's gives, token for token. */
    @Test
    void theBrowserSegmentsAndRanksExactlyAsTheJvm() throws Exception {
        SearchIndex index = SearchCorpus.course();
        List<String> texts = new ArrayList<>(SearchCorpus.edgeTexts());
        for (SearchIndex.Doc d : index.docs()) {
            texts.add(d.title());
        }
        for (SearchIndex.Section s : index.sections()) {
            texts.add(s.heading());
            texts.add(s.text());
        }
        List<String> queries = SearchCorpus.queries();

        try (SiteOrigin site = SiteOrigin.open("http", TestSite.site()); Browser b = new Browser()) {
            b.open(site.url("search.html"));
            // The search page loads the index at once: its manifest, then every part it names.
            b.waiting(10).until(d -> b.js("return !!window.SIMNOTES_SEARCH && SIMNOTES_SEARCH.parts.every(function (n, k) {"
                    + " return !!(window.SIMNOTES_SEARCH_PARTS || [])[k]; })"));
            b.js("window.index = SimNotesSearch.combine(SIMNOTES_SEARCH, SIMNOTES_SEARCH_PARTS)");
            @SuppressWarnings("unchecked")
            List<List<List<Object>>> jsTokens = (List<List<List<Object>>>) b.js(
                    "return arguments[0].map(function (t) { return SimNotesSearch.tokens(t).map(function (k) { return [k.term, k.start, k.end]; }); });",
                    texts);
            for (int i = 0; i < texts.size(); i++) {
                List<List<Object>> java = Segmenter.tokens(texts.get(i)).stream()
                        .map(t -> List.<Object>of(t.term(), (long) t.start(), (long) t.end())).toList();
                assertEquals(java, jsTokens.get(i), "tokens of: " + texts.get(i));
            }
            @SuppressWarnings("unchecked")
            List<List<String>> jsTerms = (List<List<String>>) b.js(
                    "return arguments[0].map(function (q) { return SimNotesSearch.queryTerms(q); });", texts);
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(Segmenter.queryTerms(texts.get(i)), jsTerms.get(i), "query terms of: " + texts.get(i));
            }
            List<List<List<Long>>> jsHits = assertSameHits(b, index, queries);
            assertFalse(jsHits.get(0).isEmpty());
        }
    }

    /**
     * A course of several index parts: the browser puts them together into the index the JVM makes of
     * all the topics at once, so its hits are the JVM's, numbered across parts.
     */
    @Test
    void anIndexInPartsRanksAsTheWholeIndex() throws Exception {
        List<Topic> topics = GeneratedCorpus.topics(SearchCorpus.topics(TestSite.course()),
                2 * SearchScripts.TOPICS_PER_PART + 34, 7);
        List<SearchIndexer.TopicTerms> terms = SearchCorpus.documents(topics).stream().map(SearchIndexer::terms).toList();
        Map<String, byte[]> files = SearchCorpus.indexFiles(terms);
        assertEquals(4, files.size(), "a manifest and three parts");
        SearchIndex whole = SearchIndexer.merge(terms);
        try (Browser b = new Browser()) {
            SearchIndexPage.load(b, dir, files);
            assertEquals(List.of((long) whole.docs().size(), (long) whole.sections().size(), (long) whole.terms().size()),
                    b.js("return [index.docs.length, index.sections.length,"
                            + " new Set(index.parts.flatMap(function (p) { return p.packedTerms.split(' '); })).size]"));
            List<String> queries = new ArrayList<>(List.of("梯度消失", "归一化", "池化", "LSTM", "dropout", "残差", "梯", "的", "norm", "s", "Batch Norm"));
            // Titles of topics in the second and third parts.
            queries.add(topics.get(SearchScripts.TOPICS_PER_PART + 20).title());
            queries.add(topics.get(2 * SearchScripts.TOPICS_PER_PART + 20).title());
            List<List<List<Long>>> jsHits = assertSameHits(b, whole, queries);
            assertFalse(jsHits.get(0).isEmpty());
            assertTrue(jsHits.stream().flatMap(List::stream).anyMatch(h -> h.get(0) >= 2L * SearchScripts.TOPICS_PER_PART),
                    "hits in the last part");
        }
    }

    /**
     * Runs each query in the page against {@code window.index} and asserts the hits, [doc, section,
     * score] each, are the JVM's on {@code index}; returns them.
     */
    private static List<List<List<Long>>> assertSameHits(Browser b, SearchIndex index, List<String> queries) {
        @SuppressWarnings("unchecked")
        List<List<List<Long>>> jsHits = (List<List<List<Long>>>) b.js(
                "return arguments[0].map(function (q) { return SimNotesSearch.search(window.index, q)"
                        + ".map(function (h) { return [h.doc, h.section, h.score]; }); });", queries);
        for (int i = 0; i < queries.size(); i++) {
            List<List<Long>> java = SearchQuery.run(index, queries.get(i)).stream()
                    .map((SearchHit h) -> List.of((long) h.doc(), (long) h.section(), h.score())).toList();
            assertEquals(java, jsHits.get(i), "hits of: " + queries.get(i));
        }
        return jsHits;
    }
}
