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
            String[] shown = shown(site, c);
            assertEquals(c[3], verdict(shown[0]), what + " as built");
            assertEquals(c[5], verdict(shown[1]), what + " after " + c[4]);
        }
    }

    /**
     * The same for the normalization and pooling-shift widgets, whose figures are sentences: each claim is the
     * page, the widget, the figure read, what it says as built, the change the text suggests and what the
     * figure says after it (each "" when the text claims nothing there).
     */
    @Test
    void theNormAndShiftWidgetsShowWhatTheTextBesideThemSays() throws IOException {
        Path site = TestSite.site(TestSite.projectRoot().resolve("content"));
        String[][] claims = {
            {"normalization", "norm", "groups", "同一列", "mode=layer", "同一行"},
            {"batchnorm-vs-layernorm", "norm", "groups", "同一列", "mode=layer", "同一行"},
            {"batchnorm-vs-layernorm", "norm", "note", "", "batch=2", "只剩约 +1 和 −1"},
            {"batchnorm-vs-layernorm", "norm", "note", "", "batch=1", "输出全部等于 β"},
            {"translation-invariance", "shift", "relation", "不是步长 2 的整数倍", "stride=1", "正好是原输出整体右移 1 格"},
            {"translation-invariance", "shift", "relation", "", "shift=2", "正好是原输出整体右移 1 格"},
        };
        for (String[] c : claims) {
            String what = c[0] + ".html, " + c[1] + " " + c[2];
            String[] shown = shown(site, c);
            assertTrue(shown[0].contains(c[3]), what + " as built: " + shown[0]);
            assertTrue(shown[1].contains(c[5]), what + " after " + c[4] + ": " + shown[1]);
        }
    }

    /**
     * What stat {@code claim[2]} of widget {@code claim[1]} shows on page {@code claim[0]} as built, and in the
     * same view after the change {@code claim[4]}.
     */
    private static String[] shown(Path site, String[] claim) throws IOException {
        String what = claim[0] + ".html, " + claim[1];
        Document page = Jsoup.parse(site.resolve(claim[0] + ".html").toFile(), "UTF-8");
        Element state = page.selectFirst("figure[data-sim=" + claim[1] + "] .sim-state");
        assertTrue(state != null, what + ": the page draws the widget");
        String changed = WidgetState.fromQuery(WIDGETS.byName(claim[1]), state.attr("data-query") + "&" + claim[4]).render();
        return new String[] {stat(state, claim[2]), stat(Jsoup.parse(changed), claim[2])};
    }

    private static String stat(Element view, String key) {
        return view.selectFirst("dd[data-stat=" + key + "]").text();
    }

    /** What a gradient figure concludes: 梯度消失, 梯度爆炸 or nothing. */
    /** Every topic page teaches by doing: it embeds at least one widget. */
    @Test
    void everyTopicHasAWidget() throws IOException {
        Path content = TestSite.projectRoot().resolve("content");
        Path site = TestSite.site(content);
        List<String> slugs = slugs(content);
        assertEquals(16, slugs.size(), "the guide's sixteen topics");
        for (String slug : slugs) {
            Document page = Jsoup.parse(site.resolve(slug + ".html").toFile(), "UTF-8");
            assertTrue(!page.select("figure.sim .sim-view svg, figure.sim .sim-view table").isEmpty(),
                    slug + ".html embeds a widget, pre-rendered");
        }
    }

    /**
     * The editor's notes where the seed text is wrong or misleading for an interviewee: each page, and words its
     * note must hold (the fact it corrects), in an aside apart from the interview answer.
     */
    @Test
    void everyEditorsNoteIsThere() throws IOException {
        Path site = TestSite.site(TestSite.projectRoot().resolve("content"));
        String[][] notes = {
            {"gradient-vanishing", "1/4", "权重"},
            {"gradient-remedies", "按范数裁剪"},
            {"residual-connection", "退化", "梯度爆炸"},
            {"normalization", "γ", "β", "N×H×W"},
            {"normalization", "Santurkar"},
            {"sigmoid-saturation", "最大只有", "tanh"},
            {"batchnorm-vs-layernorm", "γ", "β", "N×H×W"},
            {"dropout", "inverted dropout", "丢弃"},
            {"pooling", "没有可学习的参数"},
            {"translation-invariance", "等变", "步长"},
            {"bert", "15%", "80%", "RoBERTa", "NSP"},
            {"transformer-parallelism", "训练", "一个 token 接一个 token"},
            {"lstm-gru", "缓解", "梯度裁剪"},
            {"lstm-gru", "Gers", "2000"},
            {"lstm-gru", "重置门", "PyTorch"},
        };
        for (String[] note : notes) {
            Document page = Jsoup.parse(site.resolve(note[0] + ".html").toFile(), "UTF-8");
            List<String> texts = page.select("aside.note").eachText();
            boolean found = texts.stream().anyMatch(t -> {
                for (int i = 1; i < note.length; i++) {
                    if (!t.contains(note[i])) {
                        return false;
                    }
                }
                return true;
            });
            assertTrue(found, note[0] + ".html has an editor's note on " + String.join(", ", List.of(note).subList(1, note.length))
                    + "; its notes: " + texts);
            assertTrue(page.select("blockquote.answer").stream().noneMatch(a -> a.text().contains("编者注")), "a note is no answer");
        }
    }

    private static String verdict(String shown) {
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
