package org.simnotes.sitegen.markdown;


import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.math.MathRenderer;

/** Formulas and simulations are spliced into the rendered body whole, whatever the body's own text holds. */
class MarkdownRendererTest {
    private static RenderedTopic render(String body) {
        try (MathRenderer math = MathRenderer.open(TestSite.mathCache())) {
            MarkdownSource source = new MarkdownSource(Path.of("t.md"), 5, body);
            Problems problems = new Problems();
            RenderedTopic rendered = new MarkdownRenderer(math, Map.of("t.md", "t.html")).render(source, problems);
            assertDoesNotThrow(problems::throwIfAny);
            return rendered;
        }
    }

    @Test
    void formulasAndSimulationsAreSplicedIn() {
        RenderedTopic r = render("## 公式\n\n保留概率 $p$，期望\n\n$$\nE[y] = p x\n$$\n\n```sim dropout\nn: 16\n```\n");
        assertEquals(2, r.formulas().size());
        for (String formula : r.formulas()) {
            assertTrue(r.html().contains(formula), "each formula's KaTeX HTML is in the body");
        }
        assertTrue(r.html().contains("<div class=\"math-display\"><span class=\"katex-display\">"));
        assertTrue(r.html().contains("id=\"sim-dropout\""));
        assertFalse(r.html().contains("\uE000"), "no marker is left");
    }

    @Test
    void anEditorsNoteIsAnAsideOfItsOwnAndNotTheInterviewAnswer() {
        RenderedTopic r = render("## 面试回答\n> [!NOTE] 编者注\n> 常用的是 **按范数** 裁剪，$c$ 为阈值。\n>\n> 第二段。\n\n> 普通引用\n");
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(r.html());
        org.jsoup.nodes.Element note = html.selectFirst("aside.note[role=note]");
        assertTrue(note != null, r.html());
        assertEquals("编者注", note.selectFirst(".note-title").text());
        List<String> paragraphs = note.select("p:not(.note-title)").eachText();
        assertEquals(2, paragraphs.size(), note.html());
        assertTrue(paragraphs.get(0).startsWith("常用的是 按范数 裁剪") && paragraphs.get(1).equals("第二段。"), paragraphs.toString());
        assertTrue(note.selectFirst("strong") != null && note.selectFirst(".katex") != null, "inline markdown and math inside");
        assertFalse(note.text().contains("[!NOTE]"), "the marker is not shown");
        assertEquals(0, r.answers(), "a note after the interview heading is not the answer");
        assertEquals("普通引用", html.selectFirst("blockquote").text());
        String searchText = r.sections().get(0).text();
        assertTrue(searchText.contains("编者注 常用的是 按范数 裁剪") && !searchText.contains("NOTE"),
                "search reads the note as the page shows it: " + searchText);
    }

    @Test
    void aBodyHoldingTheMarkersOwnCharactersKeepsThemAsText() {
        String odd = "\uE0000\uE001";
        RenderedTopic r = render("文字 " + odd + " 和 $x^2$。\n");
        assertTrue(r.html().contains(odd), "the body's own characters stay");
        assertTrue(r.html().contains(r.formulas().get(0)), "and the formula is there");
    }

    private static List<String> faults(String body) {
        try (MathRenderer math = MathRenderer.open(TestSite.mathCache())) {
            MarkdownSource source = new MarkdownSource(Path.of("t.md"), 5, body);
            Problems problems = new Problems();
            new MarkdownRenderer(math, Map.of("t.md", "t.html")).render(source, problems);
            try {
                problems.throwIfAny();
                return List.of();
            } catch (BuildException e) {
                return e.problems().stream().map(p -> p.line() + ": " + p.message()).toList();
            }
        }
    }

    @Test
    void nestingUpToTheLimitRendersOnASmallStack() throws InterruptedException {
        // A third of a thread's default stack: the limit leaves that much room below flexmark's overflow.
        List<String> bodies = List.of(">".repeat(100) + " x", "- ".repeat(100) + "x", "1. ".repeat(100) + "x",
                "- > ".repeat(50) + "x", "**a ".repeat(100) + "x" + " a**".repeat(100), "![".repeat(100) + "x" + "](i.png)".repeat(100),
                "> ".repeat(50) + "*a _b ".repeat(25) + "x" + "_ b* a".repeat(25));
        List<List<String>> found = new java.util.ArrayList<>();
        Thread small = new Thread(null, () -> bodies.forEach(b -> found.add(faults(b))), "small-stack", 384 * 1024);
        small.start();
        small.join();
        assertEquals(bodies.stream().map(b -> List.<String>of()).toList(), found);
    }

    @Test
    void eachBranchNestedTooDeeplyIsReportedOnceAtItsLine() {
        StringBuilder list = new StringBuilder();
        for (int level = 0; level < 300; level++) {
            list.append("  ".repeat(level)).append("- x\n");
        }
        String body = "## a\n\n" + ">".repeat(101) + " x\n\n" + "- ".repeat(60) + "*a ".repeat(60) + "x" + " a*".repeat(60)
                + "\n\n" + list + "\n" + "~~a ".repeat(120) + "x" + " a~~".repeat(120) + "\n";
        String message = ": nesting deeper than 100 levels (block quotes, list items, emphasis and links inside each other)";
        assertEquals(List.of(7 + message, 9 + message, 11 + 100 + message, 312 + message), faults(body));
    }

    @Test
    void aLongRunOfOneCharacterIsAFaultNotACrash() {
        assertEquals(List.of("5: the body is too deeply nested or repetitive for the markdown parser; "
                + "look for a very long run of one character or of nested quotes, lists, emphasis or links"), faults("*".repeat(5000) + "x\n"));
    }
}
