package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        topic(c, "01-a.md", fm("a", 1), "## 小节\n\n正文 $x^2$。\n");
        CliRun run = build(c);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("Built 4 pages and a \\d+ KB search index in \\d+\\.\\d\\d s, 0 warnings → .*site\\R"), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("site/a.html")));
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
        assertTrue(run.err().contains("02-b.md: slug 'same' is already used by 01-a.md"), run.err());
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
        assertEquals(before, snapshot(dir.resolve("site")), "the previous site is untouched");
        assertNoStackTrace(run);
    }

    @Test
    void aMissingContentFolderIsAnErrorNotACrash() {
        CliRun run = build(dir.resolve("nowhere"));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("content folder not found"), run.err());
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(CliRun run) {
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
