package org.simnotes.sitegen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.LinkCrawler;
import org.simnotes.sitegen.TestSite;

/**
 * The repository's own study guide builds clean, with a page for every topic. With EveryWidgetBrowserTest,
 * which runs the guide's simulation figures in the browser, the only generator test that reads content/
 * (besides the screenshot and benchmark tools, which picture and measure the guide): the others use the
 * fixture course, so editing the guide's text breaks none of them.
 */
class StudyGuideBuildTest {
    private static final Pattern SLUG_LINE = Pattern.compile("(?m)^slug:\\s*(\\S+)\\s*$");

    @TempDir
    Path dir;

    @Test
    void theStudyGuideBuildsWithNoWarningAndEveryPage() throws Exception {
        Path content = TestSite.projectRoot().resolve("content");
        Path site = dir.resolve("site");
        BuildResult result = new SiteBuilder(TestSite.options(content, site)).build(Progress.NONE);
        assertEquals(List.of(), result.warnings());

        List<String> pages = new ArrayList<>(List.of("index.html", "search.html", "404.html"));
        for (String slug : slugs(content)) {
            pages.add(slug + ".html");
        }
        for (String page : pages) {
            assertTrue(Files.isRegularFile(site.resolve(page)), page + " was written");
        }
        assertEquals(pages.size(), result.pages(), "every topic, the home, search and 404 pages");
        assertEquals(List.of(), LinkCrawler.check(site, "/").broken());
    }

    private static List<String> slugs(Path content) throws IOException {
        List<String> slugs = new ArrayList<>();
        try (Stream<Path> files = Files.list(content)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = SLUG_LINE.matcher(Files.readString(f));
                assertTrue(m.find(), f + " has a slug");
                slugs.add(m.group(1));
            }
        }
        assertTrue(slugs.size() > 1, "the study guide has its topics: " + slugs);
        return slugs;
    }
}
