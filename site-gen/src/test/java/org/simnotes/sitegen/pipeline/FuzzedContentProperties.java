package org.simnotes.sitegen.pipeline;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.markdown.MarkdownRenderer;
import org.simnotes.sitegen.markdown.MarkdownSource;
import org.simnotes.sitegen.math.MathRenderer;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authors' mistakes, generated: broken front matter, stray dollars, half-written sim blocks. Loading
 * and rendering either succeed or end in a located {@link BuildException}; nothing else escapes.
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
                Arbitraries.strings().withChars("$\\{}[]()#>*`|:-_ \n中文abc").ofMaxLength(30)).list().ofMaxSize(10);
    }

    @Property(tries = 150)
    void anyBodyRendersOrReportsItsLines(@ForAll("markdownPieces") List<String> pieces) {
        Problems problems = new Problems();
        String body = String.join("\n\n", pieces);
        Topic topic = new Topic(Path.of("01-a.md"), "a", "题目", 1, "c", "摘要", List.of(), body, 8);
        MARKDOWN.render(MarkdownSource.of(topic), problems);
        try {
            problems.throwIfAny();
        } catch (BuildException e) {
            int lines = body.split("\n", -1).length;
            assertTrue(e.problems().stream().allMatch(p -> p.line() >= 8 && p.line() <= 8 + lines),
                    "every fault is located inside the body: " + e.getMessage());
        }
    }
}
