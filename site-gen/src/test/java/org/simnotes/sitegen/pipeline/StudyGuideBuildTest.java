package org.simnotes.sitegen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;
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
    private static final Widgets WIDGETS = Widgets.load(StudyGuideBuildTest.class.getClassLoader());

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

    /**
     * Every formula's MathML is well formed for the browsers that read it: Firefox logs "Incorrect number of children"
     * for a script or fraction element with other than the two (or three) parts it takes, as KaTeX writes for a
     * subscript holding an operator name such as {@code y_{\max}}.
     */
    @Test
    void everyFormulaGivesEachMathMlElementThePartsItTakes() throws IOException {
        Path site = TestSite.site(TestSite.projectRoot().resolve("content"));
        Map<String, Integer> parts = Map.of("msub", 2, "msup", 2, "munder", 2, "mover", 2, "mfrac", 2, "mroot", 2,
                "msubsup", 3, "munderover", 3);
        List<String> faults = new ArrayList<>();
        int formulas = 0;
        try (Stream<Path> files = Files.list(site)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Document page = Jsoup.parse(f.toFile(), "UTF-8");
                formulas += page.select("math").size();
                for (Element e : page.select(String.join(", ", parts.keySet()))) {
                    if (e.childrenSize() != parts.get(e.tagName())) {
                        Element math = e.closest("math");
                        faults.add(f.getFileName() + ": <" + e.tagName() + "> with " + e.childrenSize() + " parts in "
                                + math.select("annotation").text());
                    }
                }
            }
        }
        assertTrue(formulas > 0, "the guide's formulas were read");
        assertEquals(List.of(), faults);
    }

    /**
     * The text beside a gradient widget says what it shows at the block's values and after the change it suggests:
     * the widget drawn in the built page, and the same view with that change, must show it. Each claim is the page,
     * the widget, the figure read, its verdict as built, the change and the verdict after it ("" for none).
     */
    @Test
    void theGradientWidgetsShowWhatTheTextBesideThemSays() throws IOException {
        Path site = TestSite.site(TestSite.projectRoot().resolve("content"));
        String[][] claims = {
            {"rnn", "rnn", "ratio", "梯度消失", "activation=linear&scale=1.5", "梯度爆炸"},
            {"gradient-vanishing", "rnn", "ratio", "梯度消失", "activation=linear&scale=1.5", "梯度爆炸"},
            {"gradient-vanishing", "deep", "plainRatio", "梯度消失", "activation=relu&scale=2", "梯度爆炸"},
            {"gradient-remedies", "deep", "plainRatio", "", "scale=1", "梯度消失"},
            {"gradient-remedies", "deep", "plainRatio", "", "scale=2", "梯度爆炸"},
            {"residual-connection", "deep", "plainRatio", "梯度消失", "activation=relu", "梯度消失"},
            {"residual-connection", "deep", "residualRatio", "", "activation=relu", "梯度爆炸"},
        };
        for (String[] c : claims) {
            String what = c[0] + ".html, " + c[1] + " " + c[2];
            Document page = Jsoup.parse(site.resolve(c[0] + ".html").toFile(), "UTF-8");
            Element state = page.selectFirst("figure[data-sim=" + c[1] + "] .sim-state");
            assertTrue(state != null, what + ": the page draws the widget");
            assertEquals(c[3], verdict(state, c[2]), what + " as built");
            String changed = WidgetState.fromQuery(WIDGETS.byName(c[1]), state.attr("data-query") + "&" + c[4]).render();
            assertEquals(c[5], verdict(Jsoup.parse(changed), c[2]), what + " after " + c[4]);
        }
    }

    /** What the view says of stat {@code key}: 梯度消失, 梯度爆炸 or nothing. */
    private static String verdict(Element view, String key) {
        String shown = view.selectFirst("dd[data-stat=" + key + "]").text();
        int colon = shown.indexOf('：');
        return colon < 0 ? "" : shown.substring(colon + 1);
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
