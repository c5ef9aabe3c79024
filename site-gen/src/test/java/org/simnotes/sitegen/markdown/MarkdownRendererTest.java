package org.simnotes.sitegen.markdown;


import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.math.MathRenderer;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Formulas and simulations are spliced into the rendered body whole, whatever the body's own text holds. */
class MarkdownRendererTest {
    private static RenderedTopic render(String body) {
        try (MathRenderer math = MathRenderer.open(TestSite.mathCache())) {
            Topic topic = new Topic(Path.of("t.md"), "t", "题", 1, "基础", "", List.of(), body, 5);
            Problems problems = new Problems();
            RenderedTopic rendered = new MarkdownRenderer(math, Map.of("t.md", "t.html")).render(MarkdownSource.of(topic), problems);
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
    void aBodyHoldingTheMarkersOwnCharactersKeepsThemAsText() {
        String odd = "\uE0000\uE001";
        RenderedTopic r = render("文字 " + odd + " 和 $x^2$。\n");
        assertTrue(r.html().contains(odd), "the body's own characters stay");
        assertTrue(r.html().contains(r.formulas().get(0)), "and the formula is there");
    }
}
