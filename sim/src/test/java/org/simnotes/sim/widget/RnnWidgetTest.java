package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.simnotes.simapi.SplitMix64;

/** The unrolled RNN's gradient as a learner checks it against ρ^T, with W_hh = ρQ and Q orthogonal. */
class RnnWidgetTest {

    @Test
    void theBarsAreTheCoresGradientNorms() {
        String query = "steps=12&scale=1.15&activation=relu&hidden=6&t=4&seed=21";
        View view = View.of("rnn", query);
        double[] v = {12, 1.15, 1, 6, 4, 21};
        double[] g = RnnWidget.run(v).gradNorms();
        assertArrayEquals(g, View.bars(view.html()), 0.0);
        assertEquals(g[0] / g[12], view.statValue("ratio"), 0.0);
        assertEquals(g[4], view.statValue("grad"), 0.0);
    }

    @Test
    void withoutAnActivationEachStepBackMultipliesTheGradientByRho() {
        for (String setting : new String[] {"steps=20&scale=0.9&hidden=4&seed=3", "steps=40&scale=1.5&hidden=8&seed=0",
            "steps=7&scale=0.3&hidden=2&seed=999999", "steps=33&scale=2&hidden=5&seed=12"}) {
            View view = View.of("rnn", setting + "&activation=linear");
            double rho = Double.parseDouble(setting.replaceAll(".*scale=([0-9.]+).*", "$1"));
            int steps = Integer.parseInt(setting.replaceAll("steps=(\\d+).*", "$1"));
            double[] g = View.bars(view.html());
            for (int t = 0; t < steps; t++) {
                assertEquals(rho, g[t] / g[t + 1], 1e-12, setting + ": ‖∂L/∂h" + t + "‖ ÷ ‖∂L/∂h" + (t + 1) + "‖");
            }
            assertEquals(Math.pow(rho, steps), view.statValue("ratio"), 1e-11 * Math.pow(rho, steps), setting);
        }
    }

    @Test
    void tanhAndReluNeverLetTheGradientGrowFasterThanRhoToTheT() {
        for (String activation : new String[] {"tanh", "relu"}) {
            for (double rho : new double[] {0.5, 1, 1.5, 2}) {
                for (int seed = 0; seed < 5; seed++) {
                    String setting = "steps=25&scale=" + rho + "&activation=" + activation + "&hidden=6&seed=" + seed;
                    View view = View.of("rnn", setting);
                    assertTrue(view.statValue("ratio") <= Math.pow(rho, 25) * (1 + 1e-12), setting + ": " + view.stat("ratio"));
                }
            }
        }
    }

    @Test
    void theRecurrentMatrixIsMadeOrthogonal() {
        for (int h = 2; h <= 8; h++) {
            SplitMix64 rng = new SplitMix64(h);
            double[] m = new double[h * h];
            for (int i = 0; i < m.length; i++) {
                m[i] = rng.nextDouble() * 2 - 1;
            }
            RnnWidget.orthogonalRows(m, h);
            for (int i = 0; i < h; i++) {
                for (int k = 0; k < h; k++) {
                    double dot = 0;
                    for (int j = 0; j < h; j++) {
                        dot += m[i * h + j] * m[k * h + j];
                    }
                    assertEquals(i == k ? 1 : 0, dot, 1e-14, "h = " + h + ", rows " + i + " and " + k);
                }
            }
        }
    }

    @Test
    void aHugeStateIsShownInPowersOfTen() {
        View view = View.of("rnn", "steps=40&scale=2&activation=linear&hidden=4&t=40&seed=3");
        String state = view.stat("h");
        assertTrue(state.contains("e1") && !state.matches(".*\\d{5}.*"), "no long runs of digits: " + state);
    }
}
