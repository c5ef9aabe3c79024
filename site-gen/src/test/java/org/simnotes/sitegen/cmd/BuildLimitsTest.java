package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;

/**
 * A topic that would take the build's stack, minutes or gigabytes (deep nesting, a macro bomb, a huge
 * rule) fails the build quickly with its line, and the site built before stays as it was.
 */
class BuildLimitsTest {
    /** The body starts on line 8 of a topic file: its front matter is seven lines. */
    private static final int BODY = 8;

    @TempDir
    Path dir;
    private Path content;
    private Map<String, String> before;

    @BeforeEach
    void aSiteIsBuilt() throws IOException {
        content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yml"), "title: 测试站点\ncategories:\n  - 基础\n");
        Files.writeString(dir.resolve("notes.txt"), "beside the site");
        topic("## 小节\n\n$x^2$\n\n## 面试回答\n> 答\n");
        CliRun first = build();
        assertEquals(0, first.exitCode(), first.err());
        before = snapshot(dir);
    }

    private void topic(String body) throws IOException {
        Files.writeString(content.resolve("01-a.md"),
                "---\ntitle: 题目\nslug: a\norder: 1\ncategory: 基础\nsummary: 摘要\n---\n" + body);
    }

    private CliRun build() {
        return CliRun.of("build", "--content", content.toString(),
                "--templates", TestSite.projectRoot().resolve("templates").toString(),
                "--output", dir.resolve("site").toString(),
                "--cache", dir.resolve("cache").toString());
    }

    /** Every file under {@code root} but the topic the test edits, and the cache (which may gain good formulas). */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString();
                if (!name.equals("content/01-a.md") && !name.startsWith("cache")) {
                    files.put(name, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    /** Builds the edited topic: it fails within {@code seconds}, with {@code message} at {@code line} of the topic file. */
    private void failsAt(int line, String message, int seconds) throws IOException {
        long start = System.nanoTime();
        CliRun run = build();
        long took = (System.nanoTime() - start) / 1_000_000_000;
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("01-a.md:" + line + ": " + message), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception") || run.err().contains("Error:"), run.err());
        assertTrue(took < seconds, "took " + took + " s");
        assertEquals(before, snapshot(dir), "the site built before, and every file beside it, stay as they were");
    }

    @Test
    void fiveHundredQuoteMarkersOnOneLine() throws IOException {
        topic("## 小节\n\n文字\n\n" + ">".repeat(500) + " 深\n\n## 面试回答\n> 答\n");
        failsAt(BODY + 4, "nesting deeper than 100 levels (block quotes, list items, emphasis and links inside each other)", 20);
    }

    @Test
    void threeThousandNestedListLevels() throws IOException {
        StringBuilder body = new StringBuilder("## 小节\n\n");
        for (int level = 0; level < 3000; level++) {
            body.append("  ".repeat(level)).append("- 第").append(level + 1).append("层\n");
        }
        topic(body + "\n## 面试回答\n> 答\n");
        // The 101st level is on the 101st line of the list, which starts on the body's third line.
        failsAt(BODY + 2 + 100, "nesting deeper than 100 levels", 30);
    }

    @Test
    void deeplyNestedEmphasisAndLinks() throws IOException {
        topic("## 小节\n\n" + "*a ![b ".repeat(1000) + "x" + "](i.png) a*".repeat(1000) + "\n\n## 面试回答\n> 答\n");
        failsAt(BODY + 2, "nesting deeper than 100 levels", 20);
    }

    @Test
    void aMacroBomb() throws IOException {
        topic("## 小节\n\n文字\n\n$$\n\\def\\a{" + "x".repeat(1000) + "}\\def\\b{" + "\\a".repeat(990) + "}\\b\n$$\n\n## 面试回答\n> 答\n");
        failsAt(BODY + 4, "math does not render: it took longer than 5 s to render, the limit for one formula", 30);
    }

    @Test
    void aFormulaWhoseMacrosMakeTooMuchHtml() throws IOException {
        topic("## 小节\n\n文字 $\\def\\a{" + "xy".repeat(50) + "}\\def\\b{" + "\\a".repeat(60) + "}\\b$\n\n## 面试回答\n> 答\n");
        failsAt(BODY + 2, "math does not render: it renders to ", 30);
    }

    @Test
    void aMacroDefinedInTermsOfItself() throws IOException {
        topic("## 小节\n\n文字\n\n$\\def\\a{\\a}\\a$\n\n## 面试回答\n> 答\n");
        failsAt(BODY + 4, "math does not render: more than 1000 macro expansions, the limit for one formula (KaTeX's maxExpand)", 20);
    }

    @Test
    void aHugeRuleOrKern() throws IOException {
        topic("## 小节\n\n$\\rule{100000em}{100000em}$\n\n文字 $x \\kern-5000em y$\n\n## 面试回答\n> 答\n");
        CliRun run = build();
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("01-a.md:" + (BODY + 2) + ": math does not render: a rule or space of 100em reaches the limit of 100em"), run.err());
        assertTrue(run.err().contains("01-a.md:" + (BODY + 4) + ": math does not render: a rule or space of -5000em reaches"), run.err());
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aHundredLevelsStillBuild() throws IOException {
        topic("## 小节\n\n" + ">".repeat(100) + " 深\n\n" + "- ".repeat(100) + "项\n\n" + "*a ".repeat(50) + "x" + " a*".repeat(50)
                + "\n\n$\\rule{99em}{1em}$\n\n## 面试回答\n> 答\n");
        CliRun run = build();
        assertEquals(0, run.exitCode(), run.err());
    }
}
