package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.simnotes.simapi.SimException;

class DeepNetTest {

    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.SECOND_SET);

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        double tol = VECTORS.get("tolerance").doubleValue();
        return ReferenceVectors.casesOf(VECTORS, "deep", (name, rq, expected) -> {
            DeepNetResult r = DeepNet.run(rq.get("layers").doubleValue(), rq.get("width").doubleValue(),
                    rq.get("seed").doubleValue(), rq.get("activation").asText(), rq.get("residual").booleanValue(),
                    rq.get("weightScale").doubleValue());
            ReferenceVectors.assertFields(name, expected,
                    Map.of("gradNorms", r.gradNorms(), "outputNorms", r.outputNorms()), tol);
        });
    }

    @Test
    void aTwoLayerChainOfWidth1DrawsFromSplittableRandomInTheDocumentedOrder() {
        // Width 1: x = 2u₀ − 1, w₁ = (2u₁ − 1)·s·√3, w₂ = (2u₂ − 1)·s·√3, and every norm is an absolute value.
        SplittableRandom u = new SplittableRandom(12345);
        double s = 1.7;
        double x = 2 * u.nextDouble() - 1;
        double w1 = (2 * u.nextDouble() - 1) * s * Math.sqrt(3);
        double w2 = (2 * u.nextDouble() - 1) * s * Math.sqrt(3);
        double h1 = Math.tanh(w1 * x);
        double h2 = Math.tanh(w2 * h1);
        double g1 = w2 * (1 - h2 * h2);
        double g0 = w1 * (1 - h1 * h1) * g1;
        DeepNetResult plain = DeepNet.run(2, 1, 12345, "tanh", false, s);
        assertArrayEquals(new double[] {Math.abs(x), Math.abs(h1), Math.abs(h2)}, plain.outputNorms(), 1e-15);
        assertArrayEquals(new double[] {Math.abs(g0), Math.abs(g1), 1}, plain.gradNorms(), 1e-15);

        // Residual: h_l = h_{l−1} + tanh(z_l), g_{l−1} = g_l·(1 + w_l·tanh′(z_l)).
        double r1 = x + Math.tanh(w1 * x);
        double r2 = r1 + Math.tanh(w2 * r1);
        double t2 = Math.tanh(w2 * r1);
        double q1 = 1 + w2 * (1 - t2 * t2);
        double t1 = Math.tanh(w1 * x);
        double q0 = q1 * (1 + w1 * (1 - t1 * t1));
        DeepNetResult residual = DeepNet.run(2, 1, 12345, "tanh", true, s);
        assertArrayEquals(new double[] {Math.abs(x), Math.abs(r1), Math.abs(r2)}, residual.outputNorms(), 1e-15);
        assertArrayEquals(new double[] {Math.abs(q0), Math.abs(q1), 1}, residual.gradNorms(), 1e-15);
    }

    @Test
    void sigmoidGradientsVanishInAPlainNetAndNotInAResidualOne() {
        DeepNetResult plain = DeepNet.run(30, 16, 7, "sigmoid", false, 1);
        DeepNetResult residual = DeepNet.run(30, 16, 7, "sigmoid", true, 1);
        double top = Math.sqrt(16);
        assertEquals(top, plain.gradNorms()[30], 0.0);
        assertTrue(plain.gradNorms()[0] < 1e-12 * top, "plain: ‖g_0‖ = " + plain.gradNorms()[0]);
        assertTrue(residual.gradNorms()[0] > top, "residual: ‖g_0‖ = " + residual.gradNorms()[0]);
        for (int l = 0; l < 30; l++) {
            assertTrue(plain.gradNorms()[l] < plain.gradNorms()[l + 1], "plain shrinks layer by layer going back, l = " + l);
        }
    }

    @Test
    void largeReluWeightsMakeTheGradientExplode() {
        DeepNetResult r = DeepNet.run(20, 16, 7, "relu", false, 3);
        assertTrue(r.gradNorms()[0] > 1e4 * r.gradNorms()[20], "‖g_0‖ = " + r.gradNorms()[0]);
    }

    @Test
    void invalidParametersAreNamed() {
        assertEquals("activation must be \"tanh\", \"relu\" or \"sigmoid\", got \"gelu\"",
                assertThrows(SimException.class, () -> DeepNet.run(3, 4, 1, "gelu", false, 1)).getMessage());
        assertEquals("layers must be between 1 and 1000, got 1001",
                assertThrows(SimException.class, () -> DeepNet.run(1001, 4, 1, "relu", false, 1)).getMessage());
        assertEquals("width must be an integer between 1 and 256, got 2.5",
                assertThrows(SimException.class, () -> DeepNet.run(3, 2.5, 1, "relu", false, 1)).getMessage());
        assertEquals("weightScale must be between 0 and 100, got -1",
                assertThrows(SimException.class, () -> DeepNet.run(3, 4, 1, "relu", false, -1)).getMessage());
        assertEquals("seed must be an integer between 0 and 9007199254740991, got -1",
                assertThrows(SimException.class, () -> DeepNet.run(3, 4, -1, "relu", false, 1)).getMessage());
    }

    @Test
    void aGradientBeyondTheLargestDoubleIsRefusedNotAnsweredWithInfinity() {
        // Width 1, residual ReLU, s = 100: h and g are multiplied by 1 + w (up to 174) wherever z > 0, and
        // never shrink, so 1000 layers pass 1.8e308.
        SimException e = assertThrows(SimException.class, () -> DeepNet.run(1000, 1, 3, "relu", true, 100));
        assertTrue(e.getMessage().matches("(outputNorms|gradNorms)\\[\\d+\\] overflows a double: .*"), e.getMessage());
    }
}
