package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.simnotes.simapi.SimException;

class NormalizationTest {
    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.SECOND_SET);
    private static final double EPS = 1e-5;

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        double tol = VECTORS.get("tolerance").doubleValue();
        return ReferenceVectors.casesOf(VECTORS, "norm", (name, rq, expected) -> {
            NormResult r = Normalization.run(rq.get("mode").asText(), rq.get("batch").doubleValue(),
                    rq.get("features").doubleValue(), ReferenceVectors.doubles(rq.get("x")),
                    ReferenceVectors.doubles(rq.get("gamma")), ReferenceVectors.doubles(rq.get("beta")),
                    rq.get("eps").doubleValue());
            ReferenceVectors.assertFields(name, expected, Map.of("mean", r.mean(), "var", r.var(), "y", r.y()), tol);
        });
    }

    /** Two samples of three features: (1, 2, 6) and (3, 4, 0). */
    private static final double[] X = {1, 2, 6, 3, 4, 0};

    @Test
    void batchNormalizationTakesOneMeanPerFeatureAndLayerNormalizationOnePerSample() {
        double[] ones = {1, 1, 1};
        double[] zeros = {0, 0, 0};
        NormResult batch = Normalization.run(Normalization.BATCH, 2, 3, X, ones, zeros, EPS);
        assertArrayEquals(new double[] {2, 3, 3}, batch.mean(), 0.0);
        assertArrayEquals(new double[] {1, 1, 9}, batch.var(), 0.0);
        NormResult layer = Normalization.run(Normalization.LAYER, 2, 3, X, ones, zeros, EPS);
        assertArrayEquals(new double[] {3, 7.0 / 3}, layer.mean(), 1e-15);
        assertArrayEquals(new double[] {14.0 / 3, 26.0 / 9}, layer.var(), 1e-14);
        // Sample 0, feature 2: (6 − 3)/√(14/3 + eps).
        assertEquals(3 / Math.sqrt(14.0 / 3 + EPS), layer.y()[2], 1e-15);
    }

    @Test
    void gammaAndBetaSetTheOutputsScaleAndShift() {
        NormResult r = Normalization.run(Normalization.BATCH, 2, 3, X, new double[] {2, 2, 2}, new double[] {5, 5, 5}, EPS);
        // A batch of 2 normalizes each feature to about ±1, here ±γ around β: 5 ± 2.
        for (int i = 0; i < 6; i++) {
            assertEquals(2, Math.abs(r.y()[i] - 5), 1e-4, "cell " + i);
        }
        assertEquals(3, r.y()[0], 1e-4);
        assertEquals(7, r.y()[3], 1e-4);
    }

    @Test
    void batchNormalizationOfABatchOfOneGivesBetaWhateverTheInput() {
        NormResult r = Normalization.run(Normalization.BATCH, 1, 3, new double[] {-7, 0.5, 40}, new double[] {3, 3, 3},
                new double[] {0.1, 0.2, 0.3}, EPS);
        assertArrayEquals(new double[] {0, 0, 0}, r.var(), 0.0);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, r.y(), 0.0);
    }

    @Test
    void badRequestsNameTheField() {
        double[] three = {1, 1, 1};
        assertEquals("mode must be \"batch\" or \"layer\", got \"group\"",
                assertThrows(SimException.class, () -> Normalization.run("group", 2, 3, X, three, three, EPS)).getMessage());
        assertEquals("x must have batch*features = 9 values, got 6",
                assertThrows(SimException.class, () -> Normalization.run("layer", 3, 3, X, three, three, EPS)).getMessage());
        assertEquals("gamma must have features = 3 values, got 2",
                assertThrows(SimException.class, () -> Normalization.run("layer", 2, 3, X, new double[2], three, EPS))
                        .getMessage());
        assertEquals("eps must be above 0 and at most 1, got 0",
                assertThrows(SimException.class, () -> Normalization.run("batch", 2, 3, X, three, three, 0)).getMessage());
        assertEquals("var[0] overflows a double: the squared deviations from the mean pass 1.8e308; scale x down",
                assertThrows(SimException.class, () -> Normalization.run("batch", 2, 1, new double[] {-1e200, 1e200},
                        new double[] {1}, new double[] {0}, EPS)).getMessage());
    }
}
