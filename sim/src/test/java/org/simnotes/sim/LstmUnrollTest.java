package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.simnotes.sim.ReferenceVectors.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.simnotes.simapi.SimException;

class LstmUnrollTest {

    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.SECOND_SET);

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        double tol = VECTORS.get("tolerance").doubleValue();
        return ReferenceVectors.casesOf(VECTORS, "lstm", (name, rq, expected) -> {
            LstmResult r = LstmUnroll.run(rq.get("inputSize").doubleValue(), rq.get("hiddenSize").doubleValue(),
                    rq.get("steps").doubleValue(), doubles(rq.get("wih")), doubles(rq.get("whh")),
                    doubles(rq.get("bih")), doubles(rq.get("bhh")), doubles(rq.get("h0")), doubles(rq.get("c0")),
                    doubles(rq.get("xs")));
            ReferenceVectors.assertFields(name, expected, Map.of("hs", r.hs(), "cs", r.cs(), "i", r.inputGate(),
                    "f", r.forgetGate(), "g", r.candidate(), "o", r.outputGate()), tol);
        });
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Two units, one input, the given per-gate biases (i, f, g, o), random-looking weights and inputs. */
    private static LstmResult withGateBiases(double bi, double bf, double bg, double bo, int steps) {
        double[] bias = {bi, bi, bf, bf, bg, bg, bo, bo};
        double[] wih = {0.3, -0.2, 0.5, 0.1, -0.4, 0.6, 0.2, -0.3};
        double[] whh = new double[16];
        for (int k = 0; k < whh.length; k++) {
            whh[k] = 0.1 * ((k * 7) % 5 - 2);
        }
        double[] xs = new double[steps];
        for (int t = 0; t < steps; t++) {
            xs[t] = Math.sin(t);
        }
        return LstmUnroll.run(1, 2, steps, wih, whh, bias, filled(8, 0.0), new double[] {0.2, -0.1},
                new double[] {0.7, -0.5}, xs);
    }

    @Test
    void anOpenForgetGateAndAShutInputGateKeepTheCellStateForAHundredSteps() {
        LstmResult r = withGateBiases(-40, 40, 0, 0, 100);
        for (int t = 0; t < 100; t++) {
            assertEquals(0.7, r.cs()[2 * t], 1e-12, "c_" + (t + 1));
            assertEquals(-0.5, r.cs()[2 * t + 1], 1e-12, "c_" + (t + 1));
            // h = o⊙tanh(c): what the cell exposes, bounded by the output gate.
            assertEquals(r.outputGate()[2 * t] * Math.tanh(0.7), r.hs()[2 * t], 1e-15);
        }
    }

    @Test
    void aShutForgetGateLeavesOnlyTheNewCandidate() {
        LstmResult r = withGateBiases(40, -40, 0, 0, 5);
        for (int k = 0; k < 10; k++) {
            assertEquals(r.candidate()[k], r.cs()[k], 1e-15, "c = i⊙g with i = 1, f = 0");
        }
    }

    @Test
    void gatesAreBetween0And1AndTheCandidateBetweenMinus1And1() {
        LstmResult r = withGateBiases(0.5, -0.3, 0.2, 0.1, 50);
        for (double[] gate : new double[][] {r.inputGate(), r.forgetGate(), r.outputGate()}) {
            for (double v : gate) {
                assertTrue(v > 0 && v < 1, "gate " + v);
            }
        }
        for (double v : r.candidate()) {
            assertTrue(v > -1 && v < 1, "candidate " + v);
        }
    }

    @Test
    void invalidParametersAreNamed() {
        double[] eight = new double[8];
        double[] two = new double[2];
        assertEquals("wih must have 4*hiddenSize*inputSize = 8 values, got 7", assertThrows(SimException.class,
                () -> LstmUnroll.run(1, 2, 1, new double[7], new double[16], eight, eight, two, two, new double[1]))
                .getMessage());
        assertEquals("whh must have 4*hiddenSize*hiddenSize = 16 values, got 8", assertThrows(SimException.class,
                () -> LstmUnroll.run(1, 2, 1, eight, eight, eight, eight, two, two, new double[1])).getMessage());
        assertEquals("c0 must have hiddenSize = 2 values, got 8", assertThrows(SimException.class,
                () -> LstmUnroll.run(1, 2, 1, eight, new double[16], eight, eight, two, eight, new double[1]))
                .getMessage());
        assertEquals("steps must be between 1 and 1000, got 0", assertThrows(SimException.class,
                () -> LstmUnroll.run(1, 2, 0, eight, new double[16], eight, eight, two, two, new double[0]))
                .getMessage());
        assertEquals("bhh[3] must be a finite number, got Infinity", assertThrows(SimException.class,
                () -> LstmUnroll.run(1, 2, 1, eight, new double[16], eight,
                        new double[] {0, 0, 0, Double.POSITIVE_INFINITY, 0, 0, 0, 0}, two, two, new double[1]))
                .getMessage());
    }

    @Test
    void aGateInputBeyondTheLargestDoubleIsRefusedNotSquashedTo0Or1() {
        // Unit 0's forget gate input at step 1 is 1e308·10.
        double[] wih = {0, 0, 1e308, 0, 0, 0, 0, 0};
        assertEquals("f[0] overflows a double: the input to a gate passes 1.8e308; use smaller weights or inputs",
                assertThrows(SimException.class, () -> LstmUnroll.run(1, 2, 1, wih, new double[16], new double[8],
                        new double[8], new double[2], new double[2], new double[] {10})).getMessage());
    }
}
