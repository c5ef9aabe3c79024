package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.simnotes.sim.GruResult;
import org.simnotes.sim.GruUnroll;
import org.simnotes.sim.LstmResult;
import org.simnotes.sim.LstmUnroll;
import org.simnotes.sim.RnnResult;
import org.simnotes.sim.RnnUnroll;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.WidgetState;

/**
 * The LSTM and GRU views against their cores run here on the documented draws (inputs, then the RNN's
 * weights, then the cell's), and against the topic's equations read off the drawn tables.
 */
class GatedRnnWidgetTest {
    private static final int H = 3;
    private final LstmWidget lstm = new LstmWidget();
    private final GruWidget gru = new GruWidget();

    /** The draws in the widgets' order: inputs, the RNN (returned), and the generator left at the cell's weights. */
    private static RnnResult rnnAndSkip(SplitMix64 rng, int steps, double[][] xsOut) {
        double k = 1 / Math.sqrt(H);
        double[] xs = uniform(rng, steps * 2, 1);
        xsOut[0] = xs;
        return RnnUnroll.run("tanh", 2, H, steps, uniform(rng, H * 2, k), uniform(rng, H * H, k), uniform(rng, H, k), new double[H], xs);
    }

    private static double[] uniform(SplitMix64 rng, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rng.nextDouble() * 2 - 1) * scale;
        }
        return a;
    }

    /** Step-major core values as the view's table: a row per unit. */
    private static double[] byUnit(double[] stepMajor, int steps) {
        double[] t = new double[stepMajor.length];
        for (int s = 0; s < steps; s++) {
            for (int u = 0; u < H; u++) {
                t[u * steps + s] = stepMajor[s * H + u];
            }
        }
        return t;
    }

    @Test
    void theLstmTablesAreTheCoresWithTheForgetBiasTheReaderSets() {
        int steps = 12;
        View view = View.of(lstm, "steps=12&bias=1.5&t=4&seed=21");
        SplitMix64 rng = new SplitMix64(21);
        double[][] xs = new double[1][];
        RnnResult rnn = rnnAndSkip(rng, steps, xs);
        double k = 1 / Math.sqrt(H);
        double[] wih = uniform(rng, 4 * H * 2, k);
        double[] whh = uniform(rng, 4 * H * H, k);
        double[] bih = uniform(rng, 4 * H, k);
        double[] bhh = uniform(rng, 4 * H, k);
        for (int u = H; u < 2 * H; u++) {
            bih[u] = 1.5;
            bhh[u] = 0;
        }
        LstmResult r = LstmUnroll.run(2, H, steps, wih, whh, bih, bhh, new double[H], new double[H], xs[0]);
        assertArrayEquals(byUnit(r.forgetGate(), steps), view.values("forget"), 0.0);
        assertArrayEquals(byUnit(r.inputGate(), steps), view.values("input"), 0.0);
        assertArrayEquals(byUnit(r.candidate(), steps), view.values("candidate"), 0.0);
        assertArrayEquals(byUnit(r.outputGate(), steps), view.values("output"), 0.0);
        assertArrayEquals(byUnit(r.cs(), steps), view.values("cell"), 0.0);
        double[] g = rnn.gradNorms();
        double[] ratios = view.values("rnn");
        for (int t = 0; t <= steps; t++) {
            assertEquals(g[t] / g[steps], ratios[t], 1e-15, "RNN bar " + t);
        }
        assertArrayEquals(new double[] {r.forgetGate()[9], r.forgetGate()[10], r.forgetGate()[11]}, View.numbers(view.statExact("forget")), 0.0,
                "the figures under the picture are step t = 4's");
    }

    @Test
    void theLstmCellFollowsTheTopicsEquationAndTheLineIsTheProductOfForgetGates() {
        int steps = 15;
        View view = View.of(lstm, "steps=15&bias=2&t=15&seed=4");
        double[] f = view.values("forget");
        double[] i = view.values("input");
        double[] g = view.values("candidate");
        double[] c = view.values("cell");
        for (int u = 0; u < H; u++) {
            double previous = 0;
            for (int t = 0; t < steps; t++) {
                int at = u * steps + t;
                assertEquals(f[at] * previous + i[at] * g[at], c[at], 1e-15, "C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t");
                previous = c[at];
            }
        }
        double[] carry = view.values("carry");
        for (int t = 0; t <= steps; t++) {
            double mean = 0;
            for (int u = 0; u < H; u++) {
                double product = 1;
                for (int s = t; s < steps; s++) {
                    product *= f[u * steps + s];
                }
                mean += product / H;
            }
            assertEquals(mean, carry[t], 1e-15, "∏ f from t = " + t);
        }
    }

    @Test
    void gatingSlowsTheDecayWithoutRemovingIt() {
        for (int seed : new int[] {1, 4, 9}) {
            double[] open = View.numbers(View.of(lstm, "steps=20&bias=4&seed=" + seed).statExact("back"));
            double[] shut = View.numbers(View.of(lstm, "steps=20&bias=-2&seed=" + seed).statExact("back"));
            assertTrue(open[0] > 100 * open[1], "a forget gate near 1 keeps far more than the RNN: " + open[0] + " vs " + open[1]);
            assertTrue(open[0] < 1, "but still less than 1");
            assertTrue(shut[0] < open[0] / 100, "a forget gate near 0 forgets: " + shut[0]);
            assertEquals(open[1], shut[1], 0.0, "the RNN is the same in both");
        }
    }

    @Test
    void theGruUsesTheTopicsUpdateGateWhichIsOneMinusPyTorchs() {
        int steps = 10;
        View view = View.of(gru, "steps=10&bias=-1&t=3&seed=8");
        SplitMix64 rng = new SplitMix64(8);
        double[][] xs = new double[1][];
        rnnAndSkip(rng, steps, xs);
        double k = 1 / Math.sqrt(H);
        double[] wih = uniform(rng, 3 * H * 2, k);
        double[] whh = uniform(rng, 3 * H * H, k);
        double[] bih = uniform(rng, 3 * H, k);
        double[] bhh = uniform(rng, 3 * H, k);
        for (int u = H; u < 2 * H; u++) {
            bih[u] = 1;
            bhh[u] = 0;
        }
        GruResult r = GruUnroll.run(2, H, steps, wih, whh, bih, bhh, new double[H], xs[0]);
        double[] z = view.values("update");
        double[] pytorchZ = byUnit(r.updateGate(), steps);
        for (int j = 0; j < z.length; j++) {
            assertEquals(1 - pytorchZ[j], z[j], 0.0);
        }
        assertArrayEquals(byUnit(r.resetGate(), steps), view.values("reset"), 0.0);
        assertArrayEquals(byUnit(r.candidate(), steps), view.values("candidate"), 0.0);
        assertArrayEquals(byUnit(r.hs(), steps), view.values("hidden"), 0.0);

        double[] h = view.values("hidden");
        double[] n = view.values("candidate");
        for (int u = 0; u < H; u++) {
            double previous = 0;
            for (int t = 0; t < steps; t++) {
                int at = u * steps + t;
                assertEquals((1 - z[at]) * previous + z[at] * n[at], h[at], 1e-15, "h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t");
                previous = h[at];
            }
        }
    }

    @Test
    void aLowerUpdateBiasKeepsMoreOfTheStateInTheGru() {
        double[] keep = View.numbers(View.of(gru, "steps=20&bias=-3&seed=2").statExact("back"));
        double[] overwrite = View.numbers(View.of(gru, "steps=20&bias=3&seed=2").statExact("back"));
        assertTrue(keep[0] > 100 * overwrite[0], keep[0] + " vs " + overwrite[0]);
        assertTrue(keep[0] > 100 * keep[1], "more than the RNN keeps");
    }

    @Test
    void theStepShownStaysWithinTheSequence() {
        WidgetState s = WidgetState.fromQuery(gru, "steps=6&t=20");
        assertTrue(s.query().contains("t=6"), s.query());
        assertTrue(s.render().contains("data-limits=\"t:6\""));
    }
}
