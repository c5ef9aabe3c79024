package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.simnotes.sim.Activation;

/** The activation widget: the region where |f′(x)| < τ, and the share of normal inputs that land in it. */
class ActivationWidgetTest {

    @Test
    void theShareIsTheNormalProbabilityOfTheRegionWhereTheDerivativeIsBelowTau() {
        double[][] cases = {{0.5, 0.05}, {2, 0.05}, {5, 0.01}, {1, 0.3}};
        for (String fn : Activation.names()) {
            for (double[] c : cases) {
                View view = View.of("activation", "fn=" + fn + "&spread=" + c[0] + "&tau=" + c[1]);
                assertEquals(integrate(fn, c[0], c[1]), view.statValue("share"), 2e-4, fn + " s=" + c[0] + " τ=" + c[1]);
            }
        }
    }

    /** P(|f′(x)| < τ) for x ~ N(0, s²) by the midpoint rule over ±10 s, the derivative taken from the core. */
    private static double integrate(String fn, double s, double tau) {
        int n = 200_000;
        double h = 20 * s / n;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -10 * s + (i + 0.5) * h;
        }
        double[] grad = Activation.apply(fn, x).grad();
        double p = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(grad[i]) < tau) {
                p += Math.exp(-0.5 * (x[i] / s) * (x[i] / s)) / (s * Math.sqrt(2 * Math.PI)) * h;
            }
        }
        return p;
    }

    @Test
    void sigmoidSaturatesWhereItsDerivativeFallsBelowTauOnBothSides() {
        View view = View.of("activation", "fn=sigmoid&spread=2&tau=0.05");
        // σ(1 − σ) = τ at σ = (1 + √(1 − 4τ))/2, that is x = ±ln(σ/(1 − σ)).
        double sigma = (1 + Math.sqrt(1 - 4 * 0.05)) / 2;
        double edge = Math.log(sigma / (1 - sigma));
        String[] intervals = View.attr(view.html(), "data-region").split(" ");
        assertEquals(2, intervals.length, View.attr(view.html(), "data-region"));
        assertEquals(-edge, Double.parseDouble(intervals[0].substring(1)), 1e-12, "open to the left up to −x*");
        assertEquals(edge, Double.parseDouble(intervals[1].substring(0, intervals[1].length() - 1)), 1e-12, "from x* on");
        assertEquals(2, view.count("class=\"shade\""), "both tails are shaded");
        assertEquals(0.25, view.statValue("maxGrad"), 0, "σ′ is at most 1/4");
        assertEquals(1, View.of("activation", "fn=tanh").statValue("maxGrad"), 0, "tanh′ is at most 1");
        assertEquals("所有 x", View.of("activation", "fn=sigmoid&tau=0.3").stat("region"),
                "above 1/4 every input is in the region");
    }

    @Test
    void halfOfAnyCentredInputIsInReLUsDeadRegion() {
        for (double s : new double[] {0.1, 1, 5}) {
            View view = View.of("activation", "fn=relu&spread=" + s + "&tau=0.05");
            assertEquals(0.5, view.statValue("share"), 1e-15, "s = " + s);
            assertEquals(1, view.count("class=\"shade\""));
        }
        assertEquals(0, View.of("activation", "fn=leaky_relu&tau=0.01").statValue("share"), "the leak of 0.01 is not below τ = 0.01");
        assertEquals(0.5, View.of("activation", "fn=leaky_relu&tau=0.02").statValue("share"), 1e-15, "but is below 0.02");
    }

    @Test
    void theSampleCountIsTheDrawsWhoseDerivativeIsBelowTau() {
        View view = View.of("activation", "fn=tanh&spread=1.5&tau=0.1&seed=9");
        double[] xs = View.list(view.html(), "data-sample");
        assertEquals(ActivationWidget.SAMPLES, xs.length);
        double[] grad = Activation.apply("tanh", xs).grad();
        int hits = 0;
        double squares = 0;
        for (int i = 0; i < xs.length; i++) {
            hits += Math.abs(grad[i]) < 0.1 ? 1 : 0;
            squares += xs[i] * xs[i];
        }
        assertEquals((double) hits / xs.length, view.statValue("sampleShare"));
        assertEquals(hits + " 个（" + org.simnotes.simapi.Html.fixed(100.0 * hits / xs.length, 1) + "%）",
                view.stat("sampleShare"));
        assertEquals(1.5, Math.sqrt(squares / xs.length), 0.2, "the draws spread as N(0, s²)");
        double p = view.statValue("share");
        assertEquals(p, (double) hits / xs.length, 4 * Math.sqrt(p * (1 - p) / xs.length), "the sample agrees with the exact share");
        assertNotEquals(View.attr(view.html(), "data-sample"),
                View.attr(View.of("activation", "fn=tanh&spread=1.5&tau=0.1&seed=10").html(), "data-sample"), "another seed, another sample");
    }

    @Test
    void aWiderInputPutsMoreOfItInSigmoidsSaturatedRegion() {
        double previous = -1;
        for (double s : new double[] {0.5, 1, 2, 4}) {
            double share = View.of("activation", "fn=sigmoid&spread=" + s).statValue("share");
            assertTrue(share > previous, "s = " + s + ": " + share);
            previous = share;
        }
    }
}
