package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.simnotes.sim.ReferenceVectors.assertField;
import static org.simnotes.sim.ReferenceVectors.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.simnotes.simapi.SimException;

class ActivationTest {

    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.SECOND_SET);
    private static final double TOL = VECTORS.get("tolerance").doubleValue();

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> fns = new ArrayList<>();
        for (JsonNode c : ReferenceVectors.cases(VECTORS, "activation")) {
            JsonNode rq = c.get("request");
            String fn = rq.get("fn").asText();
            fns.add(fn);
            String name = "activation " + fn + (rq.has("alpha") ? " alpha=" + rq.get("alpha").asText() : "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                double[] x = doubles(rq.get("x"));
                ActivationResult r = rq.has("alpha") ? Activation.apply(fn, x, rq.get("alpha").doubleValue())
                        : Activation.apply(fn, x);
                for (Iterator<Map.Entry<String, JsonNode>> it = c.get("response").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    String where = name + " ." + f.getKey();
                    switch (f.getKey()) {
                        case "y" -> assertField(where, f.getValue(), r.y(), TOL);
                        case "grad" -> assertField(where, f.getValue(), r.grad(), TOL);
                        default -> fail(where + ": field not produced");
                    }
                }
            }));
        }
        assertTrue(fns.containsAll(List.of(Activation.names())), "the reference covers every function: " + fns);
        return tests;
    }

    @Test
    void theDerivativeIsTheSlopeOfTheFunction() {
        double h = 1e-6;
        double[] x = {-6, -2.5, -1, -0.3, 0.2, 0.7, 1.5, 4};
        double[] left = new double[x.length];
        double[] right = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            left[i] = x[i] - h;
            right[i] = x[i] + h;
        }
        for (String fn : Activation.names()) {
            double[] grad = Activation.apply(fn, x, 0.3).grad();
            double[] yl = Activation.apply(fn, left, 0.3).y();
            double[] yr = Activation.apply(fn, right, 0.3).y();
            for (int i = 0; i < x.length; i++) {
                assertEquals((yr[i] - yl[i]) / (2 * h), grad[i], 1e-8, fn + "′(" + x[i] + ")");
            }
        }
    }

    @Test
    void sigmoidTanhAndReluNeverHaveASlopeAboveOneButGeluAndSiluDo() {
        // Why gradients explode through the weights, not through these functions: σ′ ≤ 1/4, tanh′ ≤ 1.
        double[] x = new double[4001];
        for (int i = 0; i < x.length; i++) {
            x[i] = -10 + i * 0.005;
        }
        assertEquals(0.25, max(Activation.apply(Activation.SIGMOID, x).grad()), 0.0, "σ′ peaks at 1/4, at 0");
        assertEquals(1.0, max(Activation.apply(Activation.TANH, x).grad()), 0.0, "tanh′ peaks at 1, at 0");
        assertEquals(1.0, max(Activation.apply(Activation.RELU, x).grad()), 0.0);
        assertTrue(max(Activation.apply(Activation.SOFTPLUS, x).grad()) < 1, "softplus′ = σ < 1");
        // GELU′ peaks near 1.129 at x = √2, SiLU′ near 1.0998 at x ≈ 2.4.
        assertEquals(1.129, max(Activation.apply(Activation.GELU, x).grad()), 1e-3);
        assertEquals(1.0998, max(Activation.apply(Activation.SILU, x).grad()), 1e-4);
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void atZeroTheDerivativeIsTheLeftHandOne() {
        double[] zero = {0.0, -0.0};
        assertArrayEquals(new double[] {0, 0}, Activation.apply(Activation.RELU, zero).grad(), 0.0);
        assertArrayEquals(new double[] {0.01, 0.01}, Activation.apply(Activation.LEAKY_RELU, zero).grad(), 0.0);
        assertArrayEquals(new double[] {0.5, 0.5}, Activation.apply(Activation.ELU, zero, 0.5).grad(), 0.0);
        assertArrayEquals(new double[] {1, 1}, Activation.apply(Activation.ELU, zero).grad(), 0.0, "elu's default α is 1");
    }

    @Test
    void geluIsTheExactFormNotTheTanhApproximation() {
        double x = 1.5;
        double exact = Activation.apply(Activation.GELU, new double[] {x}).y()[0];
        assertEquals(x * 0.5 * (1 + Erf.erf(x / Math.sqrt(2))), exact, 1e-15);
        double approx = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        assertTrue(Math.abs(approx - exact) > 1e-5, "the two forms differ at 1.5 by " + Math.abs(approx - exact));
    }

    @Test
    void farFromZeroNothingOverflowsOrTurnsToNaN() {
        double[] x = {-1e308, -800, 800, 1e308};
        for (String fn : Activation.names()) {
            ActivationResult r = Activation.apply(fn, x);
            for (int i = 0; i < x.length; i++) {
                assertTrue(Double.isFinite(r.y()[i]) && Double.isFinite(r.grad()[i]), fn + " at " + x[i]);
            }
        }
        assertEquals(800.0, Activation.apply(Activation.SOFTPLUS, new double[] {800}).y()[0], 0.0, "log(1 + e^800)");
        assertEquals("y[0] overflows a double: alpha·x passes 1.8e308; use a smaller alpha or x",
                assertThrows(SimException.class,
                        () -> Activation.apply(Activation.LEAKY_RELU, new double[] {-1e308}, 5)).getMessage());
    }

    @Test
    void invalidParametersAreNamed() {
        assertEquals("fn must be \"sigmoid\", \"tanh\", \"relu\", \"leaky_relu\", \"elu\", \"gelu\", \"silu\" or "
                + "\"softplus\", got \"swish\"",
                assertThrows(SimException.class, () -> Activation.apply("swish", new double[] {1})).getMessage());
        assertEquals("alpha must be between 0 and 10, got -0.1", assertThrows(SimException.class,
                () -> Activation.apply(Activation.ELU, new double[] {1}, -0.1)).getMessage());
        assertEquals("x[1] must be a finite number, got NaN", assertThrows(SimException.class,
                () -> Activation.apply(Activation.TANH, new double[] {0, Double.NaN})).getMessage());
        assertEquals("x must hold 1 to 1048576 values, got 0", assertThrows(SimException.class,
                () -> Activation.apply(Activation.TANH, new double[0])).getMessage());
        assertEquals("x", assertThrows(SimException.class, () -> Activation.apply(Activation.TANH, null)).getParameter());
    }

    @Test
    void namesAreACopy() {
        Activation.names()[0] = "changed";
        assertFalse(List.of(Activation.names()).contains("changed"));
    }
}
