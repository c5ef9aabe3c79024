package org.simnotes.sitegen.pipeline;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a course too large to list beside every page, a topic's sidebar shows its own chapter and leads to the rest. */
class LargeCourseTest {
    private static final int CHAPTERS = 14;
    private static final int PER_CHAPTER = 8;

    @TempDir
    Path dir;

    @Test
    void aTopicsSidebarListsItsChapterAndNamesTheNearOnes() throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        StringBuilder site = new StringBuilder("title: 大课程\nlanguage: zh-CN\nbase_url: https://example.org/\ncategories:\n");
        for (int c = 1; c <= CHAPTERS; c++) {
            site.append("  - 第").append(c).append("章\n");
            for (int i = 1; i <= PER_CHAPTER; i++) {
                Files.writeString(content.resolve(String.format("c%02d-t%d.md", c, i)), "---\ntitle: 第" + c + "章第" + i + "题\nslug: c" + c + "-t" + i
                        + "\norder: " + i + "\ncategory: 第" + c + "章\nsummary: 摘要\n---\n## 面试回答\n\n> 回答。\n");
            }
        }
        Files.writeString(content.resolve("site.yml"), site.toString());
        Path out = dir.resolve("site");
        new SiteBuilder(TestSite.options(content, out)).build(Progress.NONE);

        Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        Document page = Jsoup.parse(out.resolve("c2-t3.html").toFile(), "UTF-8");
        List<Element> groups = page.select("nav.topic-nav section");
        assertEquals(11, groups.size(), "eleven chapters, from the first, since the topic is near the start");
        assertEquals("第2章", groups.get(1).selectFirst("h2").text());
        assertEquals(PER_CHAPTER, groups.get(1).select("li").size(), "its own chapter is listed whole");
        assertEquals("第2章第3题", groups.get(1).selectFirst("a[aria-current=page]").text());
        for (Element other : List.of(groups.get(0), groups.get(5))) {
            assertTrue(other.select("li").isEmpty(), "other chapters are named, not listed");
            Element more = other.selectFirst(".topic-nav-more a");
            assertEquals("全部 " + PER_CHAPTER + " 题", more.text());
            String anchor = more.attr("href").replace("index.html#", "");
            assertNotNull(home.getElementById(anchor), "it leads to the chapter on the home page");
            assertEquals(other.selectFirst("h2").text(), home.getElementById(anchor).selectFirst("span").text());
        }
        assertEquals("查看全部 " + CHAPTERS + " 个分类", page.select("nav.topic-nav > .topic-nav-more a").text());
    }
}
