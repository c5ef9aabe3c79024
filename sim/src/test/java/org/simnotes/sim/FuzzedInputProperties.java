package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;
import org.simnotes.simapi.SimException;

/**
 * Whatever a caller passes, the simulations either answer or refuse with a {@link SimException};
 * whatever a link holds, a widget draws. Sizes are kept small so each try is quick.
 */
class FuzzedInputProperties {
    private static final Widgets WIDGETS = Widgets.load(FuzzedInputProperties.class.getClassLoader());

    @Provide
    Arbitrary<Double> anyNumber() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-20, 40),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e300, 0.5, 2.0, 9007199254740993.0));
    }

    @Provide
    Arbitrary<double[]> anyArray() {
        return anyNumber().array(double[].class).ofMaxSize(40);
    }

    @Property(tries = 400)
    void poolingAnswersOrRefuses(@ForAll("anyNumber") double h, @ForAll("anyNumber") double w, @ForAll("anyNumber") double k,
                                 @ForAll("anyNumber") double s, @ForAll("anyNumber") double p, @ForAll("anyArray") double[] input) {
        try {
            PoolResult r = Pooling.max(h, w, k, s, p, input);
            assertTrue(r.output().length == r.height() * r.width());
            Pooling.avg(h, w, k, s, p, input);
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Property(tries = 400)
    void dropoutAnswersOrRefuses(@ForAll("anyNumber") double n, @ForAll("anyNumber") double p, @ForAll("anyNumber") double seed,
                                 @ForAll("anyArray") double[] input) {
        try {
            DropoutResult r = Dropout.apply(n, p, seed, input);
            assertTrue(r.mask().length == input.length);
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Property(tries = 300)
    void rnnAnswersOrRefuses(@ForAll("anyNumber") double inputSize, @ForAll("anyNumber") double hidden, @ForAll("anyNumber") double steps,
                             @ForAll("anyArray") double[] wxh, @ForAll("anyArray") double[] whh, @ForAll("anyArray") double[] b,
                             @ForAll("anyArray") double[] xs, @ForAll("rnnActivation") String activation) {
        try {
            RnnResult r = RnnUnroll.run(activation, inputSize, hidden, steps, wxh, whh, b, b, xs);
            assertTrue(r.gradNorms().length == r.steps() + 1);
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Property(tries = 300)
    void lstmAnswersOrRefuses(@ForAll("anyNumber") double inputSize, @ForAll("anyNumber") double hidden, @ForAll("anyNumber") double steps,
                              @ForAll("anyArray") double[] wih, @ForAll("anyArray") double[] whh, @ForAll("anyArray") double[] b,
                              @ForAll("anyArray") double[] state, @ForAll("anyArray") double[] xs) {
        try {
            LstmResult r = LstmUnroll.run(inputSize, hidden, steps, wih, whh, b, b, state, state, xs);
            assertTrue(r.cs().length == r.steps() * r.hiddenSize());
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Property(tries = 300)
    void gruAnswersOrRefuses(@ForAll("anyNumber") double inputSize, @ForAll("anyNumber") double hidden, @ForAll("anyNumber") double steps,
                             @ForAll("anyArray") double[] wih, @ForAll("anyArray") double[] whh, @ForAll("anyArray") double[] b,
                             @ForAll("anyArray") double[] h0, @ForAll("anyArray") double[] xs) {
        try {
            GruResult r = GruUnroll.run(inputSize, hidden, steps, wih, whh, b, b, h0, xs);
            assertTrue(r.hs().length == r.steps() * r.hiddenSize());
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Property(tries = 300)
    void deepNetAnswersOrRefuses(@ForAll("anyNumber") double layers, @ForAll("anyNumber") double width, @ForAll("anyNumber") double seed,
                                 @ForAll("anyNumber") double scale, @ForAll boolean residual,
                                 @ForAll("deepActivation") String activation) {
        try {
            DeepNetResult r = DeepNet.run(layers, width, seed, activation, residual, scale);
            assertTrue(r.gradNorms().length == r.layers() + 1);
            for (double v : r.gradNorms()) {
                assertTrue(v >= 0 && v <= Double.MAX_VALUE, "finite norms: " + v);
            }
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    /** Mostly a valid small size, so that most tries get past validation. */
    @Provide
    Arbitrary<Double> smallSize() {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(1, 4).map(Integer::doubleValue)),
                Tuple.of(1, anyNumber()));
    }

    /** Mostly finite values, some large enough to overflow a product, sometimes anything at all. */
    @Provide
    Arbitrary<double[]> valuePool() {
        Arbitrary<Double> finite = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.doubles().between(-60, 60)),
                Tuple.of(1, Arbitraries.of(1e200, -1e200, 1e-300)));
        return Arbitraries.frequencyOf(Tuple.of(4, finite.array(double[].class).ofMinSize(1).ofMaxSize(16)),
                Tuple.of(1, anyArray()));
    }

    /** {@code length} values cycled from {@code pool}, so that fuzzed sizes are often matched by their arrays. */
    private static double[] cycled(double[] pool, double length) {
        int n = length >= 0 && length <= 64 ? (int) length : 0;
        double[] out = new double[n];
        for (int i = 0; i < n && pool.length > 0; i++) {
            out[i] = pool[i % pool.length];
        }
        return out;
    }

    private static void assertFinite(String name, double[] values) {
        for (double v : values) {
            assertTrue(Double.isFinite(v), name + " holds " + v);
        }
    }

    @Property(tries = 400)
    void attentionAnswersFinitelyOrRefuses(@ForAll("smallSize") double n, @ForAll("smallSize") double m,
                                           @ForAll("smallSize") double d, @ForAll("smallSize") double dv,
                                           @ForAll("valuePool") double[] pool, @ForAll boolean causal) {
        try {
            AttentionResult r = Attention.run(n, m, d, dv, cycled(pool, n * d), cycled(pool, m * d), cycled(pool, m * dv),
                    causal);
            assertFinite("scores", r.scores());
            assertFinite("weights", r.weights());
            assertFinite("output", r.output());
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Property(tries = 400)
    void normalizationAnswersFinitelyOrRefuses(@ForAll("normMode") String mode, @ForAll("smallSize") double batch,
                                               @ForAll("smallSize") double features, @ForAll("valuePool") double[] pool,
                                               @ForAll("anyNumber") double eps) {
        try {
            NormResult r = Normalization.run(mode, batch, features, cycled(pool, batch * features), cycled(pool, features),
                    cycled(pool, features), eps);
            assertFinite("mean", r.mean());
            assertFinite("var", r.var());
            assertFinite("y", r.y());
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Provide
    Arbitrary<String> normMode() {
        return Arbitraries.of("batch", "layer", "group", "");
    }

    @Property(tries = 400)
    void clippingAnswersFinitelyOrRefuses(@ForAll("clipMode") String mode, @ForAll("anyNumber") double threshold,
                                          @ForAll("valuePool") double[] g) {
        try {
            ClipResult r = GradientClip.clip(mode, threshold, g);
            assertFinite("clipped", r.clipped());
            assertTrue(Double.isFinite(r.normBefore()) && Double.isFinite(r.normAfter()), r.normBefore() + ", " + r.normAfter());
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Provide
    Arbitrary<String> clipMode() {
        return Arbitraries.of("value", "norm", "max");
    }

    @Provide
    Arbitrary<String> deepActivation() {
        return Arbitraries.of("tanh", "relu", "sigmoid", "gelu", "");
    }

    @Provide
    Arbitrary<String> rnnActivation() {
        return Arbitraries.of("tanh", "relu", "linear", "sigmoid");
    }

    @Provide
    Arbitrary<String> hostileQuery() {
        Arbitrary<String> keys = Arbitraries.of("keepProb", "n", "seed", "style", "phase", "mode", "size", "kernel", "stride",
                "padding", "cell", "steps", "scale", "activation", "hidden", "t", "", "x");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.doubles().between(-1e6, 1e6).map(String::valueOf),
                Arbitraries.integers().between(-5, 300).map(String::valueOf),
                Arbitraries.of("NaN", "Infinity", "1e999", "max", "avg", "relu", "<script>", "%00", "0x10"));
        return keys.flatMap(k -> values.map(v -> k + "=" + v)).list().ofMaxSize(10).map(l -> String.join("&", l));
    }

    @Property(tries = 400)
    void activationAnswersFinitelyOrRefuses(@ForAll("anyFunction") String fn, @ForAll("anyArray") double[] x,
                                            @ForAll("anyAlpha") double alpha) {
        try {
            ActivationResult r = Activation.apply(fn, x, alpha);
            for (int i = 0; i < x.length; i++) {
                assertTrue(Double.isFinite(r.y()[i]) && Double.isFinite(r.grad()[i]), fn + " at " + x[i]);
            }
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Provide
    Arbitrary<Double> anyAlpha() {
        return Arbitraries.oneOf(anyNumber(), Arbitraries.doubles().between(0, 10));
    }

    @Provide
    Arbitrary<String> anyFunction() {
        return Arbitraries.oneOf(Arbitraries.of(Activation.names()), Arbitraries.of("", "Tanh", "swish"));
    }

    @Property(tries = 400)
    void maskAnswersOrRefuses(@ForAll("anyNumber") double n, @ForAll("anyNumber") double seed, @ForAll("anyNumber") double vocab,
                              @ForAll("anyNumber") double rate) {
        try {
            MlmMaskResult r = MlmMask.select(n, seed, vocab, rate);
            assertTrue(r.selected().length == r.actions().length && r.actions().length == r.tokens().length);
            for (int t : r.tokens()) {
                assertTrue(t >= -1 && t < vocab);
            }
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Property(tries = 400)
    void embeddingAnswersFinitelyOrRefuses(@ForAll("anyNumber") double vocab, @ForAll("anyNumber") double dim,
                                           @ForAll("anyArray") double[] table, @ForAll("anyNumber") double index,
                                           @ForAll("anyArray") double[] x) {
        try {
            double[] row = Embedding.lookup(vocab, dim, table, index);
            assertTrue(row.length == (int) dim);
            assertFinite("times", Embedding.times(vocab, dim, table, x));
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
        try {
            double cos = Embedding.cosine(table, x);
            assertTrue(cos >= -1 && cos <= 1, "cosine " + cos);
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    /** A size and a table of that many squared flags, or of any length. */
    @Provide
    Arbitrary<Tuple.Tuple2<Double, boolean[]>> schedule() {
        Arbitrary<Tuple.Tuple2<Double, boolean[]>> square = Arbitraries.integers().between(1, 6).flatMap(n ->
                Arbitraries.of(true, false).array(boolean[].class).ofSize(n * n).map(w -> Tuple.of((double) n, w)));
        Arbitrary<Tuple.Tuple2<Double, boolean[]>> any = Combinators.combine(anyNumber(),
                Arbitraries.of(true, false).array(boolean[].class).ofMaxSize(40)).as(Tuple::of);
        return Arbitraries.oneOf(square, any);
    }

    @Property(tries = 400)
    void aScheduleAnswersOrRefuses(@ForAll("schedule") Tuple.Tuple2<Double, boolean[]> request) {
        try {
            int[] steps = DependencySchedule.steps(request.get1(), request.get2());
            for (int s : steps) {
                assertTrue(s >= 1 && s <= steps.length, "a step within the sequence: " + s);
            }
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Property(tries = 300)
    void everyWidgetDrawsWhateverTheLinkSays(@ForAll("hostileQuery") String query) {
        for (String name : WIDGETS.names().split(", ")) {
            Widget w = WIDGETS.byName(name);
            WidgetState state = WidgetState.fromQuery(w, query);
            String html = state.render();
            assertTrue(html.startsWith("<div class=\"sim-state\""), name + " " + query);
            assertTrue(!html.contains("<script"), "values never reach the page as markup: " + query);
            double[] values = state.values();
            Param[] params = w.params();
            for (int i = 0; i < params.length; i++) {
                assertTrue(values[i] >= params[i].min() && values[i] <= params[i].max(), name + " " + params[i].key() + " in range");
            }
        }
    }

    /** Links of any length, up to a million characters: pairs, lone keys, stray separators, repeated. */
    @Provide
    Arbitrary<String> longQuery() {
        Arbitrary<String> piece = Arbitraries.oneOf(hostileQuery(), Arbitraries.strings().withChars("=&%a1.").ofMaxLength(8));
        return Combinators.combine(piece, Arbitraries.integers().between(1, 150_000)).as((p, times) -> (p + "&").repeat(times));
    }

    @Property(tries = 60)
    void aLinkOfAnyLengthIsReadQuickly(@ForAll("longQuery") String query) {
        for (String name : WIDGETS.names().split(", ")) {
            long start = System.nanoTime();
            WidgetState state = WidgetState.fromQuery(WIDGETS.byName(name), query);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1000, name + ": " + query.length() + " characters took " + millis + " ms");
            assertTrue(state.notes().length() < 1000, "a note per parameter at most: " + state.notes().length());
        }
    }

    /** Every state a reader can reach: each control anywhere on its steps. */
    @Provide
    Arbitrary<String> validQuery() {
        return Arbitraries.of(WIDGETS.names().split(", ")).flatMap(name -> {
            Param[] params = WIDGETS.byName(name).params();
            List<Arbitrary<String>> pairs = new ArrayList<>();
            for (Param p : params) {
                int steps = (int) Math.round((p.max() - p.min()) / p.step());
                pairs.add(Arbitraries.integers().between(0, steps).map(k -> p.key() + "=" + p.format(p.min() + k * p.step())));
            }
            return Combinators.combine(pairs).as(l -> name + "?" + String.join("&", l));
        });
    }

    @Property(tries = 300)
    void everyReachableViewShowsOnlyFiniteNumbers(@ForAll("validQuery") String link) {
        int q = link.indexOf('?');
        String html = WidgetState.fromQuery(WIDGETS.byName(link.substring(0, q)), link.substring(q + 1)).render();
        for (String bad : new String[] {"NaN", "Infinity", "∞"}) {
            assertTrue(!html.contains(bad), link + " shows " + bad);
        }
    }
}
