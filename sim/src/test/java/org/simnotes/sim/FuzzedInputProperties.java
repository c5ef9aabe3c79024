package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.simnotes.sim.widget.Param;
import org.simnotes.sim.widget.Widget;
import org.simnotes.sim.widget.WidgetState;
import org.simnotes.sim.widget.Widgets;

/**
 * Whatever a caller passes, the simulations either answer or refuse with a {@link SimException};
 * whatever a link holds, a widget draws. Sizes are kept small so each try is quick.
 */
class FuzzedInputProperties {

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
                             @ForAll("anyArray") double[] xs, @ForAll boolean relu) {
        try {
            RnnResult r = RnnUnroll.run(relu ? "relu" : "tanh", inputSize, hidden, steps, wxh, whh, b, b, xs);
            assertTrue(r.gradNorms().length == r.steps() + 1);
        } catch (SimException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
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

    @Property(tries = 300)
    void everyWidgetDrawsWhateverTheLinkSays(@ForAll("hostileQuery") String query) {
        for (String name : new String[] {"dropout", "pool", "rnn"}) {
            Widget w = Widgets.byName(name);
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
}
