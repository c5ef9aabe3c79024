package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.simnotes.sim.ReferenceVectors.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.simnotes.simapi.SimException;

class GruUnrollTest {

    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.SECOND_SET);

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        double tol = VECTORS.get("tolerance").doubleValue();
        return ReferenceVectors.casesOf(VECTORS, "gru", (name, rq, expected) -> {
            GruResult r = GruUnroll.run(rq.get("inputSize").doubleValue(), rq.get("hiddenSize").doubleValue(),
                    rq.get("steps").doubleValue(), doubles(rq.get("wih")), doubles(rq.get("whh")),
                    doubles(rq.get("bih")), doubles(rq.get("bhh")), doubles(rq.get("h0")), doubles(rq.get("xs")));
            ReferenceVectors.assertFields(name, expected,
                    Map.of("hs", r.hs(), "r", r.resetGate(), "z", r.updateGate(), "n", r.candidate()), tol);
        });
    }

    private static final double[] WIH = {0.3, -0.2, 0.5, 0.1, -0.4, 0.6};
    private static final double[] XS = {1.0, -0.5, 0.25, 2.0, 0.0, -1.5};

    /** Two units, one input, the given reset and update biases (per gate, on the input side) and whh. */
    private static GruResult run(double br, double bz, double[] whh) {
        double[] bih = {br, br, bz, bz, 0.1, -0.1};
        return GruUnroll.run(1, 2, XS.length, WIH, whh, bih, new double[6], new double[] {0.4, -0.8}, XS);
    }

    private static double[] whh(double nRows) {
        double[] w = {0.2, -0.1, 0.3, 0.4, -0.2, 0.1, 0.5, -0.6, 0.7, 0.2, 0.3, -0.1};
        for (int k = 8; k < 12; k++) {
            w[k] *= nRows;
        }
        return w;
    }

    @Test
    void anUpdateGateHeldAt1KeepsTheStateWhateverTheInput() {
        GruResult r = run(0, 40, whh(1));
        for (int t = 0; t < XS.length; t++) {
            assertEquals(0.4, r.hs()[2 * t], 1e-15);
            assertEquals(-0.8, r.hs()[2 * t + 1], 1e-15);
        }
    }

    @Test
    void anUpdateGateHeldAt0ReplacesTheStateWithTheCandidate() {
        GruResult r = run(0, -40, whh(1));
        assertArrayEquals(r.candidate(), r.hs(), 1e-15);
    }

    @Test
    void theResetGateActsOnTheRecurrentTermInsideTheCandidate() {
        // With r = 0 the candidate ignores W_hn·h_{t−1}: scaling those rows changes nothing.
        assertArrayEquals(run(-40, 0, whh(1)).candidate(), run(-40, 0, whh(5)).candidate(), 1e-15);
        // With r = 1 it does.
        double[] open = run(40, 0, whh(1)).candidate();
        double[] scaled = run(40, 0, whh(5)).candidate();
        assertEquals(Math.tanh(-0.4 * 1.0 + 0.1 + (0.7 * 0.4 + 0.2 * -0.8)), open[0], 1e-15);
        assertEquals(Math.tanh(-0.4 * 1.0 + 0.1 + 5 * (0.7 * 0.4 + 0.2 * -0.8)), scaled[0], 1e-15);
    }

    @Test
    void invalidParametersAreNamed() {
        double[] six = new double[6];
        double[] two = new double[2];
        assertEquals("wih must have 3*hiddenSize*inputSize = 6 values, got 8", assertThrows(SimException.class,
                () -> GruUnroll.run(1, 2, 1, new double[8], new double[12], six, six, two, new double[1]))
                .getMessage());
        assertEquals("bih must have 3*hiddenSize = 6 values, got 2", assertThrows(SimException.class,
                () -> GruUnroll.run(1, 2, 1, six, new double[12], two, six, two, new double[1])).getMessage());
        assertEquals("hiddenSize must be an integer between 1 and 256, got 1.5", assertThrows(SimException.class,
                () -> GruUnroll.run(1, 1.5, 1, six, new double[12], six, six, two, new double[1])).getMessage());
        assertEquals("xs must have steps*inputSize = 3 values, got 1", assertThrows(SimException.class,
                () -> GruUnroll.run(1, 2, 3, six, new double[12], six, six, two, new double[1])).getMessage());
    }

    @Test
    void aGateInputBeyondTheLargestDoubleIsRefused() {
        // Unit 0's candidate at step 1: r = 1 (bias 40) times W_hn·h_0 = 1e308·1e10.
        double[] whh = new double[12];
        whh[8] = 1e308;
        assertEquals("n[0] overflows a double: the input to a gate passes 1.8e308; use smaller weights or inputs",
                assertThrows(SimException.class, () -> GruUnroll.run(1, 2, 1, new double[6], whh,
                        new double[] {40, 40, 0, 0, 0, 0}, new double[6], new double[] {1e10, 0}, new double[1]))
                        .getMessage());
    }
}
