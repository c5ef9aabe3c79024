package org.simnotes.sitegen.pipeline;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simnotes.sitegen.TestSite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the built fixture course as a reader's browser would and checks what a reader relies on. */
class SiteOutputTest {
    private static final Pattern SLUG_LINE = Pattern.compile("(?m)^slug:\\s*(\\S+)\\s*$");
    private static Path site;
    private static List<String> slugs;

    @BeforeAll
    static void build() throws IOException {
        site = TestSite.site();
        slugs = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestSite.course())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = SLUG_LINE.matcher(Files.readString(f));
                assertTrue(m.find(), f + " has a slug");
                slugs.add(m.group(1));
            }
        }
    }

    private static Document page(String name) throws IOException {
        Path p = site.resolve(name);
        assertTrue(Files.isRegularFile(p), name + " was written");
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    @Test
    void everyTopicHasItsPageAndTheHomePageListsThemInOrder() throws IOException {
        assertEquals(7, slugs.size(), "the fixture course has 7 topics");
        Document home = page("index.html");
        List<String> listed = home.select("main .cards a").eachAttr("href");
        assertEquals(slugs.stream().map(s -> s + ".html").toList(), listed);
        assertEquals(List.of("基础知识点", "序列模型"), home.select("main section.category > h2 > span:first-child").eachText(),
                "the categories in site.yml's order");
        assertEquals(List.of("rnn.html", "lstm-gru.html"), home.select("main section.category").get(1).select(".cards a").eachAttr("href"));
        for (String slug : slugs) {
            Document d = page(slug + ".html");
            assertFalse(d.select("main .content").text().isBlank(), slug + " has a body");
        }
        assertEquals(slugs.size(), home.select(".card-summary").stream().filter(e -> !e.text().isBlank()).count());
        page("404.html");
        page("search.html");
    }

    @Test
    void pagesAreAccessibleChinesePages() throws IOException {
        List<String> names = new ArrayList<>(slugs.stream().map(s -> s + ".html").toList());
        names.add("index.html");
        names.add("search.html");
        names.add("404.html");
        for (String name : names) {
            Document d = page(name);
            assertEquals("zh-CN", d.selectFirst("html").attr("lang"), name);
            assertEquals(1, d.select("h1").size(), name + " has one h1");
            assertEquals(1, d.select("main#main").size(), name + " has a main landmark");
            assertEquals("#main", d.selectFirst("a.skip-link").attr("href"), name + " has a skip link first");
            assertEquals(d.selectFirst("a.skip-link"), d.selectFirst("body a"), name + ": the skip link comes first");
            assertNotNull(d.selectFirst("header.site-header"), name);
            assertNotNull(d.selectFirst("footer.site-footer"), name);
            assertNotNull(d.selectFirst("meta[name=viewport]"), name);
            assertFalse(d.title().isBlank(), name + " has a title");
        }
    }

    @Test
    void headingsHaveAnchorsAndTheTableOfContentsPointsAtThem() throws IOException {
        for (String slug : slugs) {
            Document d = page(slug + ".html");
            List<Element> headings = d.select(".content h2, .content h3");
            assertFalse(headings.isEmpty(), slug + " has sections");
            List<String> tocTargets = d.select("details.toc a").eachAttr("href");
            assertEquals(headings.stream().map(h -> "#" + h.id()).toList(), tocTargets, slug + ": TOC lists every section");
            for (Element h : headings) {
                assertFalse(h.id().isBlank(), slug + ": heading '" + h.text() + "' has an id");
                assertEquals(1, d.select("[id=" + h.id() + "]").size(), slug + ": id " + h.id() + " is unique");
                Element anchor = h.selectFirst("a.anchor");
                assertEquals("#" + h.id(), anchor.attr("href"), slug + ": heading links to itself");
                assertEquals("本节链接：" + h.text().replace("#", "").strip(), anchor.attr("aria-label"),
                        slug + ": a screen reader hears which section the link is for");
                assertEquals(anchor, h.children().last(), slug + ": the # follows the heading's text");
            }
        }
        Document pooling = page("pooling.html");
        assertEquals("问题分析", pooling.selectFirst(".content h2").text().replace("#", "").strip());
    }

    @Test
    void previousAndNextFollowTheReadingOrder() throws IOException {
        for (int i = 0; i < slugs.size(); i++) {
            Document d = page(slugs.get(i) + ".html");
            Element prev = d.selectFirst(".pager a[rel=prev]");
            Element next = d.selectFirst(".pager a[rel=next]");
            if (i == 0) {
                assertNull(prev, "the first topic has no previous");
            } else {
                assertEquals(slugs.get(i - 1) + ".html", prev.attr("href"));
            }
            if (i == slugs.size() - 1) {
                assertNull(next, "the last topic has no next");
            } else {
                assertEquals(slugs.get(i + 1) + ".html", next.attr("href"));
            }
            assertEquals(slugs.get(i) + ".html", d.selectFirst(".sidebar a[aria-current=page]").attr("href"));
        }
    }

    @Test
    void mathIsRenderedToStaticHtmlWithNoDollarsLeft() throws IOException {
        for (String slug : slugs) {
            Document d = page(slug + ".html");
            assertFalse(d.select(".content .katex").isEmpty(), slug + " carries its formulas");
            assertTrue(d.select(".math-error").isEmpty(), slug + " has no failed formula");
            String text = d.select(".content").text();
            assertFalse(text.contains("$$"), slug + " shows no raw $$");
            assertFalse(text.matches("(?s).*\\$[^$]+\\$.*"), slug + " shows no raw $…$");
            assertTrue(d.select("script").stream().noneMatch(s -> s.attr("src").contains("katex")),
                    slug + " needs no script for math");
        }
        Document lstm = page("lstm-gru.html");
        String mathml = lstm.select(".katex-display annotation").eachText().toString();
        assertTrue(mathml.contains("f_t &= \\sigma(W_f \\cdot [h_{t-1}, x_t] + b_f)"), "the LSTM forget gate is set as math: " + mathml);
        Document residual = page("residual-connection.html");
        assertTrue(residual.select(".katex-display annotation").eachText().stream().anyMatch(t -> t.contains("y = F(x) + x")));
    }

    @Test
    void linksToTopicsAndSectionsLeadToTheirPagesAndImagesShipWithTheSite() throws IOException {
        Document residual = page("residual-connection.html");
        assertEquals(List.of("gradient-vanishing.html#1-梯度消失的原因"),
                residual.select(".content a:not(.anchor)").eachAttr("href"), "a link to a topic's file leads to its page's section");
        Element image = residual.selectFirst(".content img");
        assertEquals("残差块示意图", image.attr("alt"));
        assertArrayEquals(Files.readAllBytes(TestSite.course().resolve("images/residual-block.png")),
                Files.readAllBytes(site.resolve(image.attr("src"))), "the image is shipped as it is");
        assertEquals(List.of("rnn.html"), page("lstm-gru.html").select(".content a:not(.anchor)").eachAttr("href"));
    }

    @Test
    void everyTopicHasItsInterviewAnswerCallout() throws IOException {
        for (String slug : slugs) {
            Document d = page(slug + ".html");
            List<Element> answers = d.select("blockquote.answer");
            assertFalse(answers.isEmpty(), slug + " has an interview answer");
            for (Element a : answers) {
                Element heading = a.previousElementSibling();
                assertTrue(heading.tagName().matches("h[2-4]") && heading.text().contains("面试"),
                        slug + ": the callout follows its 面试 heading");
            }
        }
    }

    @Test
    void nothingPointsAtAnotherHost() throws IOException {
        try (Stream<Path> all = Files.walk(site)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!(name.endsWith(".html") || name.endsWith(".css") || name.endsWith(".js"))) {
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertFalse(text.contains("cdn.nlark.com"), f + " mentions the old image host");
                if (name.endsWith(".html")) {
                    Document d = Jsoup.parse(text);
                    // A canonical link names the page's published address; nothing is fetched from it.
                    for (Element e : d.select("[src], [href]:not(link[rel=canonical])")) {
                        String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                        assertFalse(url.matches("(?i)^(https?:)?//.*"), f + " points at " + url);
                    }
                } else {
                    Matcher m = Pattern.compile("url\\(\\s*['\"]?([^)'\"]+)").matcher(text);
                    while (m.find()) {
                        String url = m.group(1);
                        assertFalse(url.matches("(?i)^(https?:)?//.*"), f + " loads " + url);
                        if (name.endsWith(".css") && !url.startsWith("data:")) {
                            assertTrue(Files.isRegularFile(f.resolveSibling(url)), f + " needs " + url + ", which was shipped");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theSearchIndexIsAClassicScriptWellUnderThePagesSize() throws IOException {
        String url = page("index.html").selectFirst("form.site-search").attr("data-index");
        assertEquals("search-index.js", url, "a fixed name, so an edit does not change every page");
        String manifest = Files.readString(site.resolve(url), StandardCharsets.UTF_8);
        assertTrue(manifest.startsWith("window.SIMNOTES_SEARCH={"), "a classic script, which file:// pages can load");
        assertTrue(manifest.contains("\"parts\":[\"search-index-0.js\"]"), "7 topics make one part: " + manifest);
        String part = Files.readString(site.resolve("search-index-0.js"), StandardCharsets.UTF_8);
        assertTrue(part.startsWith("(window.SIMNOTES_SEARCH_PARTS=window.SIMNOTES_SEARCH_PARTS||[])[0]={"), "so is each part");
        for (String slug : slugs) {
            assertTrue(part.contains("\"" + slug + ".html\""), "the index knows " + slug);
        }
        long pages = 0;
        try (Stream<Path> html = Files.list(site)) {
            for (Path p : html.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages += Files.size(p);
            }
        }
        long index = Files.size(site.resolve(url)) + Files.size(site.resolve("search-index-0.js"));
        assertTrue(index * 2 < pages, "the index (" + index + " bytes) is under half the pages (" + pages + " bytes)");
    }
}
