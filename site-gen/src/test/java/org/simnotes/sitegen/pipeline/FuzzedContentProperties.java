package org.simnotes.sitegen.pipeline;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.markdown.MarkdownRenderer;
import org.simnotes.sitegen.markdown.MarkdownSource;
import org.simnotes.sitegen.math.MathRenderer;

/**
 * Authors' mistakes, generated: broken front matter, stray dollars, half-written sim blocks, nesting past
 * the limit, runaway macros and huge sizes. Loading and rendering either succeed or end in a located
 * {@link BuildException}, in bounded time; nothing else escapes.
 */
class FuzzedContentProperties {
    private static final MathRenderer MATH = MathRenderer.open(TestSite.mathCache());
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer(MATH, java.util.Map.of("01-a.md", "a.html"));

    @AfterContainer
    static void close() {
        MATH.close();
    }

    @Provide
    Arbitrary<List<String>> frontMatterLines() {
        return Arbitraries.oneOf(
                Arbitraries.of("title: 题目", "slug: a", "slug: Bad Slug", "order: 1", "order: x", "order: 1.5", "category: c",
                        "category: other", "summary: 摘要", "summary:", "tags: [a, b]", "tags: a", "tags: [unclosed", "title: [x]",
                        "title: {a: b}", "- list", "  indented: 1", "key: 'quote", "&anchor x", "*alias", "!!binary x", "---", ":"),
                Arbitraries.strings().ofMaxLength(20)).list().ofMaxSize(12);
    }

    @Property(tries = 150)
    void anyFrontMatterLoadsOrIsReportedWithItsFile(@ForAll("frontMatterLines") List<String> lines) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-content");
        Files.writeString(dir.resolve("site.yml"), "title: t\ncategories: [c]\n");
        Files.writeString(dir.resolve("01-a.md"), "---\n" + String.join("\n", lines) + "\n---\n## 节\n");
        try {
            ContentLoader.load(dir);
        } catch (BuildException e) {
            assertTrue(e.problems().stream().allMatch(p -> p.file() != null && !p.message().isBlank()), e.getMessage());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<List<String>> markdownPieces() {
        return Arbitraries.oneOf(
                Arbitraries.of("$x$", "$", "$$", "$$\n\\frac{1}{\n$$", "$\\alpha$ 和 $\\beta", "\\$5", "$ x $", "$$x$$",
                        "```sim dropout\nkeepProb: 2\n```", "```sim pool\nkernel: 3\npadding: 1\n```", "```sim\n```",
                        "```sim rnn\nsteps: 5\nt: 9\nbogus\n```", "```sim dropout", "## 标题", "# 一级", "> 引用",
                        "## 面试回答\n> 答", "[a](b.md)", "[a](01-a.md#x)", "![i](https://x.org/a.png)", "<script>x</script>",
                        "| a | b |\n|---|---|\n| $x\\vert y$ | 2 |", "[^1]\n\n[^1]: note", "~~del~~", "\n", "    code", "* item"),
                Arbitraries.strings().withChars("$\\{}[]()#>*`|:-_ \n中文abc").ofMaxLength(30),
                nesting(), macros()).list().ofMaxSize(10);
    }

    /** Quotes, list items, emphasis and links inside each other, up to three times the nesting limit. */
    private static Arbitrary<String> nesting() {
        Arbitrary<String> opener = Arbitraries.of(">", "> ", "- ", "1. ", "- > ", "  ");
        Arbitrary<String> line = opener.list().ofMinSize(1).ofMaxSize(8)
                .flatMap(unit -> Arbitraries.integers().between(1, 300).map(n -> String.join("", unit).repeat(n) + "x"));
        Arbitrary<String> inline = Arbitraries.of("*a ", "**a ", "~~a ", "[a ", "![a ", "_a ")
                .flatMap(open -> Arbitraries.integers().between(1, 300).map(n -> open.repeat(n) + "x" + new StringBuilder(open).reverse().toString()
                        .replace("[", "](u)").replace("![", "](u)").repeat(n)));
        Arbitrary<String> indented = Arbitraries.integers().between(1, 300).map(n -> {
            StringBuilder list = new StringBuilder();
            for (int level = 0; level < n; level++) {
                list.append("  ".repeat(level)).append("- x\n");
            }
            return list.toString();
        });
        return Arbitraries.oneOf(line, inline, indented);
    }

    /** TeX macros and sizes near and past KaTeX's limits; each renders or fails in well under a second. */
    private static Arbitrary<String> macros() {
        return Arbitraries.of("$\\def\\a{\\a}\\a$", "$\\def\\a{x}\\a\\a$", "$$\n\\def\\g#1{#1#1}\\g{\\g{\\g{x}}}\n$$",
                "$\\rule{1000em}{1em}$", "$\\rule{99em}{1em}$", "$x\\kern-200em y$", "$\\hspace{1e9em}$", "$\\def\\a{",
                "$\\def\\f{\\frac12\\frac12\\frac12}\\def\\g{\\f\\f\\f}\\g\\g$", "$\\newcommand{\\b}[1]{\\b{#1}}\\b{x}$");
    }

    @Property(tries = 150)
    void anyBodyRendersOrReportsItsLines(@ForAll("markdownPieces") List<String> pieces) {
        Problems problems = new Problems();
        String body = String.join("\n\n", pieces);
        MarkdownSource source = new MarkdownSource(Path.of("01-a.md"), 8, body);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> MARKDOWN.render(source, problems),
                "a body renders in bounded time");
        try {
            problems.throwIfAny();
        } catch (BuildException e) {
            int lines = body.split("\n", -1).length;
            assertTrue(e.problems().stream().allMatch(p -> p.line() >= 8 && p.line() <= 8 + lines),
                    "every fault is located inside the body: " + e.getMessage());
        }
    }
}
