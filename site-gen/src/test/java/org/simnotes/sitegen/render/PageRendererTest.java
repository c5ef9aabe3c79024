package org.simnotes.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.content.SiteConfig;

/**
 * A topic page's sidebar lists the topics around it and marks its own, whether the built-in templates
 * lay its items out once for every page or a course's own fragments template lists them itself.
 */
class PageRendererTest {
    /** A course's sidebar as themes wrote it before the items were laid out once: each page lists the topics itself. */
    private static final String OWN_FRAGMENTS = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <body>
            <nav class="topic-nav" aria-label="全部题目" th:fragment="topicNav(nav, current)">
              <section th:each="cat : ${nav.categories}" class="topic-nav-group">
                <h2 class="topic-nav-title" th:text="${cat.name}">分类</h2>
                <ol th:unless="${cat.topics.isEmpty()}" th:style="${cat.first > 0} ? 'counter-reset: topic ' + ${cat.first}">
                  <li th:each="t : ${cat.topics}">
                    <a th:href="${t.href}" th:text="${t.title}"
                       th:attr="aria-current=${t.slug == current} ? 'page' : null">题目</a>
                  </li>
                </ol>
              </section>
            </nav>
            </body>
            </html>
            """;

    @TempDir
    Path dir;

    /** Three categories, the middle one of 100 topics, so that a sidebar shows part of it. */
    private static List<CategoryView> categories() {
        return IntStream.range(0, 3).mapToObj(c -> new CategoryView("第" + c + "章",
                IntStream.range(0, c == 1 ? 100 : 5).mapToObj(i -> new TopicLink("c" + c + "t" + i, "第" + c + "章第" + i + "题", "",
                        "c" + c + "t" + i + ".html")).toList(), c)).toList();
    }

    private static PageRenderer pages(Templates templates) {
        SiteConfig site = new SiteConfig("测试站点", "描述", "zh-CN", "/", List.of("第0章", "第1章", "第2章"), List.of());
        return new PageRenderer(templates, site, Map.of("site.css", "assets/site.css"), categories());
    }

    /** Each link of the page's sidebar: its address, its text and, when it has one, its aria-current. */
    private static List<String> sidebar(PageRenderer pages, String slug) {
        TopicView topic = new TopicView(slug, "题", "", "第1章", List.of(), "<p>正文</p>", List.of(), false, 1, null, null);
        Element nav = Jsoup.parse(new String(pages.topic(topic).html(), StandardCharsets.UTF_8)).selectFirst("nav.topic-nav");
        return nav.select("li a").stream()
                .map(a -> a.attr("href") + " " + a.text() + (a.hasAttr("aria-current") ? " " + a.attr("aria-current") : ""))
                .toList();
    }

    @Test
    void theSidebarListsTheTopicsAroundThePageAndMarksItsOwn() {
        PageRenderer pages = pages(new Templates(null));
        for (int at : new int[] {0, 50, 99}) {
            List<String> links = sidebar(pages, "c1t" + at);
            int first = Math.max(0, Math.min(at - 15, 100 - 31));
            List<String> expected = IntStream.range(first, first + 31)
                    .mapToObj(i -> "c1t" + i + ".html 第1章第" + i + "题" + (i == at ? " page" : "")).toList();
            assertEquals(expected, links, "the sidebar of topic " + at);
        }
    }

    @Test
    void aCoursesOwnFragmentsTemplateListsTheSameTopics() throws IOException {
        Files.writeString(dir.resolve("fragments.html"), OWN_FRAGMENTS);
        PageRenderer builtIn = pages(new Templates(null));
        PageRenderer own = pages(new Templates(dir));
        for (String slug : new String[] {"c0t2", "c1t0", "c1t50", "c2t4"}) {
            assertEquals(sidebar(builtIn, slug), sidebar(own, slug), slug);
        }
    }
}
