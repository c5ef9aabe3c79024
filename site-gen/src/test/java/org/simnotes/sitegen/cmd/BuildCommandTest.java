package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;

/** The build command as an author meets it: a summary line on success, every fault located on failure. */
class BuildCommandTest {
    @TempDir
    Path dir;

    private Path content() throws IOException {
        Path c = dir.resolve("content");
        Files.createDirectories(c);
        Files.writeString(c.resolve("site.yml"), "title: 测试站点\nlanguage: zh-CN\nbase_url: https://example.org/\ncategories:\n  - 基础\n");
        return c;
    }

    private static void topic(Path content, String file, String frontMatter, String body) throws IOException {
        Files.writeString(content.resolve(file), "---\n" + frontMatter + "---\n" + body);
    }

    private static String fm(String slug, int order) {
        return "title: 题目" + order + "\nslug: " + slug + "\norder: " + order + "\ncategory: 基础\nsummary: 摘要\n";
    }

    private CliRun build(Path content) {
        return CliRun.of("build", "--content", content.toString(),
                "--templates", TestSite.projectRoot().resolve("templates").toString(),
                "--output", dir.resolve("site").toString(),
                "--cache", TestSite.mathCache().toString());
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    @Test
    void aGoodBuildEndsWithOneSummaryLine() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 小节\n\n正文 $x^2$。\n\n## 面试回答\n> 答\n");
        CliRun run = build(c);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("Built 4 pages and a \\d+ KB search index in \\d+\\.\\d\\d s \\(1 bodies rendered, 4 pages laid out, \\d+ files written\\), 0 warnings → .*site\\R"), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("site/a.html")));
    }

    @Test
    void onlyRegularMarkdownFilesAreTopics() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 小节\n\n## 面试回答\n> 答\n");
        // An editor's lock file (Emacs: a link to nowhere) and a folder whose name ends in .md.
        Files.createSymbolicLink(c.resolve(".#01-a.md"), c.resolve("no-such-file"));
        Files.createDirectories(c.resolve("drafts.md"));
        CliRun run = build(c);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Built 4 pages"), run.out());
    }

    @Test
    void malformedFrontMatterNamesTheFileAndLine() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1) + "tags: [one, two\n", "## 小节\n");
        CliRun run = build(c);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("01-a.md:7: malformed YAML:"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void aMissingTitleIsNamed() throws IOException {
        Path c = content();
        topic(c, "01-a.md", "slug: a\norder: 1\ncategory: 基础\nsummary: 摘要\n", "## 小节\n");
        CliRun run = build(c);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("01-a.md:2: missing required field 'title'"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void twoTopicsWithOneSlugAreRefused() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("same", 1), "## 小节\n");
        topic(c, "02-b.md", fm("same", 2), "## 小节\n");
        CliRun run = build(c);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("02-b.md:3: slug 'same' is already used by 01-a.md"), run.err());
    }

    @Test
    void aFormulaKatexRejectsIsReportedAtItsLine() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 小节\n\n文字\n\n$$\n\\frac{1}{\n$$\n");
        CliRun run = build(c);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("01-a.md:12: math does not render: KaTeX parse error"), run.err());
    }

    @Test
    void faultsInSeveralFilesAreReportedTogetherAndTheLastGoodSiteStays() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 小节\n");
        assertEquals(0, build(c).exitCode());
        Map<String, String> before = snapshot(dir.resolve("site"));

        topic(c, "02-b.md", "title: B\nslug: Not A Slug\norder: 2\ncategory: 基础\nsummary: s\n", "## x\n");
        topic(c, "03-c.md", "title: C\nslug: c\norder: first\ncategory: 基础\nsummary: s\n", "## x\n");
        Files.writeString(c.resolve("04-d.md"), "## no front matter\n");
        CliRun run = build(c);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("02-b.md:3: slug 'Not A Slug' must be lower-case ASCII"), run.err());
        assertTrue(run.err().contains("03-c.md:4: field 'order' must be a whole number, found 'first'"), run.err());
        assertTrue(run.err().contains("04-d.md:1: missing front matter"), run.err());
        assertTrue(run.err().contains("Build failed with 3 errors"), run.err());
        int b = run.err().indexOf("02-b.md:");
        int cc = run.err().indexOf("03-c.md:");
        int d = run.err().indexOf("04-d.md:");
        assertTrue(b < cc && cc < d, "in file order, though the files are read in parallel: " + run.err());
        assertEquals(before, snapshot(dir.resolve("site")), "the previous site is untouched");
        assertNoStackTrace(run);
    }

    @Test
    void aTopicWithBrokenFrontMatterHidesNoOtherFilesFaults() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 小节\n\n## 面试回答\n> 答\n");
        assertEquals(0, build(c).exitCode());
        Map<String, String> before = snapshot(dir.resolve("site"));

        topic(c, "02-b.md", fm("b", 2) + "tags: [one, two\n", "## x\n");
        topic(c, "03-c.md", fm("c", 3), "## x\n\n```sim nosuchsim\n```\n");
        topic(c, "04-d.md", fm("d", 4), "## x\n\n见 [A](01-a.md#no-such-section)，以及 [B](02-b.md)。\n");
        CliRun run = build(c);
        assertEquals(1, run.exitCode());
        String[] lines = run.err().strip().split("\\R");
        assertTrue(lines[0].matches(".*02-b\\.md:\\d+: malformed YAML: .*"), run.err());
        assertTrue(lines[1].matches(".*03-c\\.md:\\d+: .*nosuchsim.*"), run.err());
        assertTrue(lines[2].matches(".*04-d\\.md:\\d+: link '[^']*#no-such-section': .* has no section .*"), run.err());
        assertTrue(lines[3].startsWith("Build failed with 3 errors"), "the link to the broken topic is no fault of its own: " + run.err());
        assertEquals(before, snapshot(dir.resolve("site")), "the previous site is untouched");
        assertNoStackTrace(run);
    }

    @Test
    void aBaseUrlThatIsNeitherAnHttpUrlNorAPathIsRefused() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 小节\n");
        Files.writeString(c.resolve("site.yml"), "title: 测试站点\nbase_url: example.org/notes\ncategories:\n  - 基础\n");
        CliRun fromFile = build(c);
        assertEquals(1, fromFile.exitCode());
        assertTrue(fromFile.err().contains("site.yml:2: field 'base_url' must be an absolute http(s) URL such as "
                + "https://example.org/notes/ or a path such as /notes/, found 'example.org/notes'"), fromFile.err());

        Files.writeString(c.resolve("site.yml"), "title: 测试站点\ncategories:\n  - 基础\n");
        CliRun fromOption = CliRun.of("build", "--content", c.toString(),
                "--templates", TestSite.projectRoot().resolve("templates").toString(),
                "--output", dir.resolve("site").toString(), "--base-url", "ftp://example.org/");
        assertEquals(1, fromOption.exitCode());
        assertTrue(fromOption.err().contains("base URL must be an absolute http(s) URL"), fromOption.err());
        assertNoStackTrace(fromOption);
    }

    @Test
    void simBlocksWithUnknownNamesOrBadParametersAreReportedAtTheirLines() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), String.join("\n",
                "## 小节", "", "```sim convolution", "kernel: 3", "```", "",
                "```sim pool", "kernel: 9", "stride: two", "colour: red", "```", "",
                "```sim pool", "kernel: 2", "padding: 2", "```", ""));
        CliRun run = build(c);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("01-a.md:10: unknown simulation 'convolution' after ```sim: expected one of dropout, pool, rnn"), run.err());
        assertTrue(run.err().contains("01-a.md:15: sim pool: kernel must be between 1 and 5, got 9"), run.err());
        assertTrue(run.err().contains("01-a.md:16: sim pool: stride must be a number, got 'two'"), run.err());
        assertTrue(run.err().contains("01-a.md:17: sim pool: unknown parameter 'colour', expected one of mode, size, kernel, stride, padding, cell, seed"), run.err());
        assertTrue(run.err().contains("01-a.md:20: sim pool: padding 2 does not fit the other parameters; at most 1 here"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void simValuesOffTheControlsStepsOrInJavaSpellingsAreReportedAtTheirLines() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 小节\n\n```sim dropout\nn: 16\n```\n");
        assertEquals(0, build(c).exitCode());
        Map<String, String> site = snapshot(dir.resolve("site"));
        topic(c, "01-a.md", fm("a", 1), String.join("\n",
                "## 小节", "", "```sim dropout", "n: 17", "keepProb: .5f", "seed: 0x1p1", "```", "",
                "```sim pool", "kernel: 3d", "size: NaN", "stride: 1_000", "```", ""));
        Map<String, String> sources = snapshot(c);
        CliRun run = build(c);
        assertEquals(1, run.exitCode());
        String err = run.err();
        assertTrue(err.contains("01-a.md:11: sim dropout: n must be a whole number between 16 and 256 in steps of 16, got 17"), err);
        assertTrue(err.contains("01-a.md:12: sim dropout: keepProb must be a number, got '.5f' "
                + "(expected a number between 0.05 and 1 in steps of 0.05)"), err);
        assertTrue(err.contains("01-a.md:13: sim dropout: seed must be a number, got '0x1p1' (expected a whole number between 0 and 999999)"), err);
        assertTrue(err.contains("01-a.md:17: sim pool: kernel must be a number, got '3d' (expected a whole number between 1 and 5)"), err);
        assertTrue(err.contains("01-a.md:18: sim pool: size must be a number, got 'NaN' (expected a whole number between 3 and 10)"), err);
        assertTrue(err.contains("01-a.md:19: sim pool: stride must be a number, got '1_000' (expected a whole number between 1 and 5)"), err);
        assertEquals(site, snapshot(dir.resolve("site")), "the previous site is untouched");
        assertEquals(sources, snapshot(c), "the sources are untouched");
        assertNoStackTrace(run);
    }

    @Test
    void linksBetweenTopicsResolveAndBrokenOnesAreNamed() throws IOException {
        Path c = content();
        Files.createDirectories(c.resolve("img"));
        Files.write(c.resolve("img/dot.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        topic(c, "01-a.md", fm("a", 1), "## 第一节\n\n见 [B](02-b.md#第二节) 和 ![点](img/dot.png)。\n\n## 面试回答\n> 答\n");
        topic(c, "02-b.md", fm("b", 2), "## 第二节\n\n回到 [A](a.html#第一节)。\n\n## 面试回答\n> 答\n");
        CliRun ok = build(c);
        assertEquals(0, ok.exitCode(), ok.err());
        String a = Files.readString(dir.resolve("site/a.html"));
        assertTrue(a.contains("href=\"b.html#%E7%AC%AC%E4%BA%8C%E8%8A%82\"") || a.contains("href=\"b.html#第二节\""), "the .md link became the page");
        assertTrue(Files.isRegularFile(dir.resolve("site/img/dot.png")), "the image ships with the site");

        topic(c, "02-b.md", fm("b", 2), String.join("\n", "## 第二节", "",
                "[没有的节](a.html#不存在)", "", "[没有的题](03-c.md)", "", "![图](img/none.png)", "",
                "[外站](https://example.com/x)", "", "![外图](https://cdn.example.com/a.svg)", "",
                "## 面试回答", "> 答", ""));
        CliRun run = build(c);
        assertEquals(1, run.exitCode());
        String err = run.err();
        assertTrue(err.contains("02-b.md:10: link 'a.html#不存在': a.html has no section #不存在"), err);
        assertTrue(err.contains("02-b.md:12: link '03-c.md': no topic file 03-c.md in content"), err);
        assertTrue(err.contains("02-b.md:14: image 'img/none.png': no such file in content/"), err);
        assertTrue(err.contains("02-b.md:16: link 'https://example.com/x' points at another host (example.com)"), err);
        assertTrue(err.contains("02-b.md:18: image 'https://cdn.example.com/a.svg' points at another host (cdn.example.com)"), err);

        Files.writeString(c.resolve("site.yml"), Files.readString(c.resolve("site.yml")) + "allowed_hosts: [example.com]\n");
        CliRun allowed = build(c);
        assertTrue(!allowed.err().contains("'https://example.com/x' points at another host"), "an allowed host passes: " + allowed.err());
    }

    @Test
    void rawHtmlIsShownAsTextNeverRun() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 节\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "## 面试回答\n> 答\n");
        assertEquals(0, build(c).exitCode());
        org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(dir.resolve("site/a.html").toFile(), "UTF-8");
        assertTrue(d.select(".content script, .content img[onerror]").isEmpty(), "no script or handler from the topic");
        assertTrue(d.select(".content").text().contains("<script>alert(1)</script>"), "shown as text");
    }

    @Test
    void warningsPassUnlessStrict() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 节\n\n没有面试回答。\n");
        CliRun lenient = build(c);
        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.err().contains("01-a.md: warning: no interview answer"), lenient.err());
        assertTrue(lenient.out().contains("1 warning"), lenient.out());
        CliRun strict = CliRun.of("build", "--strict", "--content", c.toString(),
                "--templates", TestSite.projectRoot().resolve("templates").toString(),
                "--output", dir.resolve("strict").toString(), "--cache", TestSite.mathCache().toString());
        assertEquals(1, strict.exitCode());
        assertTrue(strict.err().contains("01-a.md: no interview answer"), strict.err());
        assertTrue(!Files.exists(dir.resolve("strict")), "nothing written");
    }

    @Test
    void aBrokenTemplateIsNamed() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 节\n\n## 面试回答\n> 答\n");
        Path templates = dir.resolve("templates");
        TestSite.copyTree(TestSite.projectRoot().resolve("templates"), templates);
        Files.writeString(templates.resolve("topic.html"),
                Files.readString(templates.resolve("topic.html")).replace("${topic.title}", "${topic.nosuchfield}"));
        CliRun run = CliRun.of("build", "--content", c.toString(), "--templates", templates.toString(),
                "--output", dir.resolve("site").toString(), "--cache", TestSite.mathCache().toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().matches("(?s).*templates/topic\\.html:\\d+: template error: .*nosuchfield.*"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void aCourseWithoutTemplatesIsLaidOutWithTheBuiltInTheme() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 小节\n\n## 面试回答\n> 答\n");
        CliRun run = CliRun.of("build", "--content", c.toString(), "--output", dir.resolve("site").toString(),
                "--cache", TestSite.mathCache().toString());
        assertEquals(0, run.exitCode(), run.err());
        String page = Files.readString(dir.resolve("site/a.html"));
        assertTrue(page.contains("题目1") && page.matches("(?s).*assets/site\\.[0-9a-f]{10}\\.css.*"), page);
        assertEquals(1, assets("site\\.[0-9a-f]{10}\\.js").size(), "the theme's scripts ship");
    }

    /** The built site's assets whose names match {@code pattern}. */
    private List<Path> assets(String pattern) throws IOException {
        try (Stream<Path> all = Files.list(dir.resolve("site/assets"))) {
            return all.filter(p -> p.getFileName().toString().matches(pattern)).toList();
        }
    }

    @Test
    void aCoursesTemplatesReplaceTheBuiltInOnesFileByFile() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 小节\n\n## 面试回答\n> 答\n");
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("assets"));
        Files.writeString(templates.resolve("assets/site.css"), "body { color: rebeccapurple; }\n");
        Files.writeString(templates.resolve("home.html"), Files.readString(TestSite.projectRoot().resolve("templates/home.html"))
                .replaceFirst("<div class=\"hero\">", "<div class=\"hero\"><p id=\"own-home\">本课程自己的首页</p>"));
        CliRun run = CliRun.of("build", "--content", c.toString(), "--templates", templates.toString(),
                "--output", dir.resolve("site").toString(), "--cache", TestSite.mathCache().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(dir.resolve("site/index.html")).contains("本课程自己的首页"), "the course's home template");
        assertFalse(Files.readString(dir.resolve("site/a.html")).contains("本课程自己的首页"), "the built-in topic template");
        List<Path> css = assets("site\\.[0-9a-f]{10}\\.css");
        assertEquals(1, css.size());
        assertEquals("body { color: rebeccapurple; }\n", Files.readString(css.get(0)), "the course's stylesheet replaces the built-in one");
        assertEquals(1, assets("site\\.[0-9a-f]{10}\\.js").size(), "the other assets stay the built-in ones");
    }

    @Test
    void aThemeThatShipsAnEngineScriptOfItsOwnIsToldToRenameIt() throws IOException {
        Path c = content();
        topic(c, "01-a.md", fm("a", 1), "## 节\n\n## 面试回答\n> 答\n");
        Path templates = dir.resolve("templates");
        TestSite.copyTree(TestSite.projectRoot().resolve("templates"), templates);
        Files.writeString(templates.resolve("assets/widgets.js"), "// a theme's old copy\n");
        CliRun run = CliRun.of("build", "--content", c.toString(), "--templates", templates.toString(),
                "--output", dir.resolve("site").toString(), "--cache", TestSite.mathCache().toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("templates/assets/widgets.js: the generator ships its own widgets.js"), run.err());
        assertFalse(Files.exists(dir.resolve("site")));
        assertNoStackTrace(run);
    }

    @Test
    void aMissingContentFolderIsAnErrorNotACrash() {
        CliRun run = build(dir.resolve("nowhere"));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("content folder not found"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void aMissingTemplatesFolderIsAnErrorNotACrash() {
        CliRun run = CliRun.of("build", "--content", TestSite.course().toString(),
                "--templates", dir.resolve("no-templates").toString(), "--output", dir.resolve("site").toString(),
                "--cache", TestSite.mathCache().toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no-templates: templates folder not found"), run.err());
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(CliRun run) {
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
