package org.simnotes.sitegen.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A formula past a limit is refused with the limit's name, never kept in the cache, and the engine goes on;
 * many new formulas at once, rendered on more than one thread, come out as they do one at a time; an engine
 * kept from one build to the next gives what a fresh one gives, and nothing a formula defined carries over.
 */
class MathRendererTest {
    @TempDir
    Path cache;

    @Test
    void formulasPastALimitAreRefusedAndNeverCached() throws IOException, MathException {
        List<String> refused = List.of(
                "\\def\\a{" + "x".repeat(1000) + "}\\def\\b{" + "\\a".repeat(990) + "}\\b",
                "\\def\\a{" + "xy".repeat(50) + "}\\def\\b{" + "\\a".repeat(60) + "}\\b",
                "\\def\\a{\\a}\\a",
                "\\rule{1000000em}{1em}",
                "x\\kern-5000em y");
        List<String> expected = List.of("it took longer than 5 s to render", "it renders to ", "more than 1000 macro expansions",
                "a rule or space of 100em reaches the limit", "a rule or space of -5000em reaches the limit");
        try (MathRenderer math = MathRenderer.open(cache)) {
            for (int i = 0; i < refused.size(); i++) {
                String tex = refused.get(i);
                // Only a guard against a hang: the limit counts CPU time, which a loaded machine spreads over longer.
                MathException e = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> assertThrows(MathException.class, () -> math.render(tex, false)));
                assertTrue(e.getMessage().startsWith(expected.get(i)), e.getMessage());
            }
            assertTrue(math.render("x^2", false).contains("katex"), "the engine renders the next formula after one it stopped");
            math.saveCache();
        }
        Path file;
        try (var files = Files.list(cache)) {
            file = files.findFirst().orElseThrow();
        }
        Map<?, ?> kept = new ObjectMapper().readValue(file.toFile(), Map.class);
        assertEquals(1, kept.size(), "only the formula that rendered is kept: " + kept.keySet());
    }

    @Test
    void manyNewFormulasAtOnceRenderAsTheyDoOneAtATime() throws MathException {
        List<String> formulas = IntStream.range(0, 60)
                .mapToObj(i -> "\\frac{\\partial L}{\\partial w_{" + i + "}} = \\sum_{t=1}^{" + (i + 2) + "} \\delta_t \\, h_{t-1}^{" + i + "}")
                .toList();
        List<String> together;
        try (MathRenderer math = MathRenderer.open(null)) {
            List<CompletableFuture<String>> later = formulas.stream().map(f -> math.renderLater(f, false)).toList();
            together = later.stream().map(CompletableFuture::join).toList();
        }
        try (MathRenderer math = MathRenderer.open(null)) {
            for (int i = 0; i < formulas.size(); i++) {
                assertEquals(math.render(formulas.get(i), false), together.get(i), formulas.get(i));
            }
        }
        assertTrue(together.get(59).contains("<mn>61</mn>"), together.get(59));
    }

    @Test
    void anEngineKeptBetweenBuildsGivesWhatAFreshOneGives() throws MathException {
        String define = "\\gdef\\loss{\\mathcal{L}}\\loss(\\theta)";
        String use = "\\loss + \\frac{1}{2}\\lVert w \\rVert^2";
        String plain = "\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))";
        String fresh;
        try (MathRenderer math = MathRenderer.open(null)) {
            fresh = math.render(plain, true);
        }
        try (KeptKatex kept = new KeptKatex()) {
            KatexEngine engine = kept.engine();
            try (MathRenderer first = MathRenderer.open(null, kept)) {
                assertTrue(first.render(define, false).contains("mathcal"));
                first.stopEngine();
            }
            try (MathRenderer second = MathRenderer.open(null, kept)) {
                assertEquals(fresh, second.render(plain, true));
                MathException e = assertThrows(MathException.class, () -> second.render(use, false),
                        "a macro one build defined is unknown to the next, as to a fresh engine");
                assertTrue(e.getMessage().contains("Undefined control sequence"), e.getMessage());
            }
            assertTrue(engine == kept.engine(), "the builds shared one engine");
            try (KatexContext context = engine.open()) {
                assertEquals(fresh, context.render(plain, true), "the engine still runs after the builds stopped theirs");
            }
        }
    }
}
