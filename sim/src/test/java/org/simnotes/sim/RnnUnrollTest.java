package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.simnotes.simapi.SimException;

class RnnUnrollTest {

    private static double[] scaledIdentity(int n, double scale) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = scale;
        }
        return m;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** Gradient norm at h_0 for a 4-unit RNN with whh = scale·I and an initial state of 0.1s. */
    private static double gradAtStart(String activation, double scale, int steps) {
        int h = 4;
        RnnResult r = RnnUnroll.run(activation, 1, h, steps, filled(h, 0.0), scaledIdentity(h, scale),
                filled(h, 0.0), filled(h, 0.1), filled(steps, 1.0));
        return r.gradNorms()[0];
    }

    @Test
    void hiddenStatesFollowTheRecurrence() {
        // One unit: h1 = tanh(0.5·2 + 0.8·0.3 − 0.1), h2 = tanh(0.5·(−1) + 0.8·h1 − 0.1).
        RnnResult r = RnnUnroll.run("tanh", 1, 1, 2, new double[] {0.5}, new double[] {0.8}, new double[] {-0.1},
                new double[] {0.3}, new double[] {2, -1});
        double h1 = Math.tanh(1.0 + 0.24 - 0.1);
        double h2 = Math.tanh(-0.5 + 0.8 * h1 - 0.1);
        assertArrayEquals(new double[] {h1, h2}, r.hs(), 1e-15);
        // dL/dh2 = 1, dL/dh1 = 0.8·(1 − h2²), dL/dh0 = 0.8·(1 − h1²)·dL/dh1.
        double g1 = 0.8 * (1 - h2 * h2);
        double g0 = 0.8 * (1 - h1 * h1) * g1;
        assertArrayEquals(new double[] {g0, g1, 1.0}, r.gradNorms(), 1e-15);
    }

    @Test
    void multiUnitMatricesAreRowMajor() {
        // relu, two units, two inputs: wxh = [[1, 2], [3, 4]], whh = [[0, 1], [0, 0]].
        RnnResult r = RnnUnroll.run("relu", 2, 2, 1, new double[] {1, 2, 3, 4}, new double[] {0, 1, 0, 0},
                new double[] {0, -20}, new double[] {0, 5}, new double[] {1, 1});
        // unit 0: 1 + 2 + 1·5 = 8; unit 1: 3 + 4 − 20 < 0, so 0.
        assertArrayEquals(new double[] {8, 0}, r.hs(), 0.0);
        // g1 = (1, 1), act' = (1, 0), g0 = whhᵀ (1, 0) = (0, 1).
        assertArrayEquals(new double[] {1, Math.sqrt(2)}, r.gradNorms(), 1e-15);
    }

    @Test
    void gradientsVanishWithSmallRecurrentWeights() {
        double previous = Double.POSITIVE_INFINITY;
        for (int steps : new int[] {1, 5, 10, 20, 40}) {
            double g = gradAtStart("tanh", 0.5, steps);
            assertTrue(g < previous, "T = " + steps + ": " + g + " should be below " + previous);
            previous = g;
        }
        assertTrue(previous < 1e-11, "after 40 steps the gradient at h0 is " + previous);
        // Norms shrink backwards through time within one unroll too.
        RnnResult r = RnnUnroll.run("tanh", 1, 4, 10, filled(4, 0.0), scaledIdentity(4, 0.5), filled(4, 0.0),
                filled(4, 0.0), filled(10, 0.0));
        for (int t = 0; t <= 10; t++) {
            // With h ≡ 0, tanh′ = 1 and each step back multiplies by 0.5: ‖g_t‖ = 2·0.5^(T−t).
            assertEquals(2 * Math.pow(0.5, 10 - t), r.gradNorms()[t], 1e-15, "t = " + t);
        }
    }

    @Test
    void gradientsExplodeWithLargeRecurrentWeights() {
        double previous = 0;
        for (int steps : new int[] {1, 5, 10, 20, 40}) {
            double g = gradAtStart("relu", 1.5, steps);
            assertTrue(g > previous, "T = " + steps + ": " + g + " should exceed " + previous);
            previous = g;
        }
        assertEquals(2 * Math.pow(1.5, 40), previous, 1e-9 * previous);
    }

    @Test
    void aLinearRnnAddsWithoutSquashingAndItsGradientIsWhhTransposedAppliedTTimes() {
        // One unit: h1 = 0.5·2 + 0.8·0.3 − 0.1, h2 = 0.5·(−1) + 0.8·h1 − 0.1; each step back multiplies by 0.8.
        RnnResult one = RnnUnroll.run("linear", 1, 1, 2, new double[] {0.5}, new double[] {0.8}, new double[] {-0.1},
                new double[] {0.3}, new double[] {2, -1});
        double h1 = 1.0 + 0.24 - 0.1;
        assertArrayEquals(new double[] {h1, -0.5 + 0.8 * h1 - 0.1}, one.hs(), 1e-15);
        assertArrayEquals(new double[] {0.64, 0.8, 1.0}, one.gradNorms(), 1e-15);

        // whh = 1.1 · (a rotation by 0.3 rad): whhᵀ turns g and stretches it by 1.1, whatever the states are.
        double c = 1.1 * Math.cos(0.3);
        double s = 1.1 * Math.sin(0.3);
        RnnResult r = RnnUnroll.run("linear", 1, 2, 30, filled(2, 0.7), new double[] {c, -s, s, c}, filled(2, 0.2),
                filled(2, -3.0), filled(30, 1.0));
        for (int t = 0; t <= 30; t++) {
            assertEquals(Math.sqrt(2) * Math.pow(1.1, 30 - t), r.gradNorms()[t], 1e-12 * r.gradNorms()[t], "t = " + t);
        }
    }

    @Test
    void hugeButFiniteGradientsKeepAFiniteNorm() {
        // 1.5^1000 ≈ 1.2e176: its square overflows, the norm must not.
        double g = gradAtStart("relu", 1.5, 1000);
        assertEquals(2 * Math.pow(1.5, 1000), g, 1e-9 * g);
    }

    @Test
    void deadReluUnitsStopTheGradient() {
        RnnResult r = RnnUnroll.run("relu", 1, 3, 4, filled(3, 0.0), scaledIdentity(3, 1.0), filled(3, -1.0),
                filled(3, 0.0), filled(4, 0.0));
        assertArrayEquals(new double[12], r.hs(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0, Math.sqrt(3)}, r.gradNorms(), 1e-15);
    }

    @Test
    void invalidParametersAreNamed() {
        double[] four = new double[4];
        assertEquals("whh must have hiddenSize*hiddenSize = 16 values, got 15", assertThrows(SimException.class,
                () -> RnnUnroll.run("tanh", 1, 4, 2, four, new double[15], four, four, new double[2])).getMessage());
        assertEquals("activation must be \"tanh\", \"relu\" or \"linear\", got \"sigmoid\"", assertThrows(SimException.class,
                () -> RnnUnroll.run("sigmoid", 1, 4, 2, four, new double[16], four, four, new double[2])).getMessage());
        assertEquals("steps must be between 1 and 1000, got 1001", assertThrows(SimException.class,
                () -> RnnUnroll.run("relu", 1, 4, 1001, four, new double[16], four, four, new double[1001])).getMessage());
        assertEquals("hiddenSize must be between 1 and 256, got 0", assertThrows(SimException.class,
                () -> RnnUnroll.run("relu", 1, 0, 2, four, four, four, four, four)).getMessage());
        assertEquals("xs must have steps*inputSize = 6 values, got 4", assertThrows(SimException.class,
                () -> RnnUnroll.run("tanh", 3, 1, 2, new double[3], new double[1], new double[1], new double[1],
                        four)).getMessage());
        assertEquals("b[0] must be a finite number, got NaN", assertThrows(SimException.class,
                () -> RnnUnroll.run("tanh", 1, 1, 1, new double[1], new double[1], new double[] {Double.NaN},
                        new double[1], new double[1])).getMessage());
    }

    @Test
    void aStateOrAGradientBeyondTheLargestDoubleIsRefusedNotAnsweredWithInfinityOrNaN() {
        // Step 1 gives h = 1e200; step 2's input to ReLU, 1e200·1e200, overflows.
        assertEquals("hs[1] overflows a double: the input to an activation passes 1.8e308; use smaller weights or inputs",
                assertThrows(SimException.class, () -> RnnUnroll.run("relu", 1, 1, 2, new double[] {1e200},
                        new double[] {1e200}, new double[1], new double[1], new double[] {1, 0})).getMessage());
        // 1e300·1e10 + 1e300·(−1e10) is ∞ − ∞, a NaN that ReLU would have shown as 0.
        assertEquals("hs", assertThrows(SimException.class, () -> RnnUnroll.run("relu", 2, 1, 1, new double[] {1e300, 1e300},
                new double[1], new double[1], new double[1], new double[] {1e10, -1e10})).getParameter());
        // The states, 1 and 1e200, are finite, but each step back multiplies the gradient by 1e200.
        assertEquals("gradNorms[0] overflows a double: the gradient passes 1.8e308 going back through time; "
                + "use a smaller whh or fewer steps", assertThrows(SimException.class, () -> RnnUnroll.run("relu", 1, 1, 2,
                new double[1], new double[] {1e200}, new double[1], new double[] {1e-200}, new double[2])).getMessage());
    }
}
