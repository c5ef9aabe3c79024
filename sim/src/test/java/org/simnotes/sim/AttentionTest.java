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

class AttentionTest {
    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.SECOND_SET);

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        double tol = VECTORS.get("tolerance").doubleValue();
        return ReferenceVectors.casesOf(VECTORS, "attention", (name, rq, expected) -> {
            AttentionResult r = Attention.run(rq.get("n").doubleValue(), rq.get("m").doubleValue(),
                    rq.get("d").doubleValue(), rq.get("dv").doubleValue(), ReferenceVectors.doubles(rq.get("q")),
                    ReferenceVectors.doubles(rq.get("k")), ReferenceVectors.doubles(rq.get("v")),
                    rq.get("causal").booleanValue());
            ReferenceVectors.assertFields(name, expected,
                    Map.of("scores", r.scores(), "weights", r.weights(), "output", r.output()), tol);
        });
    }

    @Test
    void twoKeysShareTheWeightByTheSoftmaxOfScaledDotProducts() {
        // d = 4: the query (1, 1, 1, 1) scores 4/√4 = 2 on key (1, 1, 1, 1) and 0 on key 0.
        AttentionResult r = Attention.run(1, 2, 4, 1, new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 1, 0, 0, 0, 0},
                new double[] {10, -10}, false);
        assertArrayEquals(new double[] {2, 0}, r.scores(), 0.0);
        double w = Math.exp(2) / (Math.exp(2) + 1);
        assertArrayEquals(new double[] {w, 1 - w}, r.weights(), 1e-15);
        assertArrayEquals(new double[] {10 * w - 10 * (1 - w)}, r.output(), 1e-13);
    }

    @Test
    void aCausalMaskHidesLaterKeysButNotTheirScores() {
        // Every score is equal, so query i spreads its weight evenly over keys 0 … i.
        double[] ones = {1, 1, 1};
        AttentionResult r = Attention.run(3, 3, 1, 1, ones, ones, new double[] {3, 6, 9}, true);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, r.scores(), 0.0);
        assertArrayEquals(new double[] {1, 0, 0, 0.5, 0.5, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3}, r.weights(), 1e-15);
        assertArrayEquals(new double[] {3, 4.5, 6}, r.output(), 1e-14);
    }

    @Test
    void largeScoresDoNotOverflowTheSoftmax() {
        AttentionResult r = Attention.run(1, 2, 1, 1, new double[] {1e154}, new double[] {1e154, 0}, new double[] {1, 2},
                false);
        assertArrayEquals(new double[] {1, 0}, r.weights(), 0.0);
    }

    @Test
    void badRequestsNameTheField() {
        double[] four = {1, 2, 3, 4};
        assertEquals("causal needs as many queries as keys, got n = 2 and m = 4",
                assertThrows(SimException.class, () -> Attention.run(2, 4, 1, 1, new double[2], four, four, true)).getMessage());
        assertEquals("k must have m*d = 4 values, got 3",
                assertThrows(SimException.class, () -> Attention.run(2, 2, 2, 1, four, new double[3], new double[2], false))
                        .getMessage());
        assertEquals("d must be between 1 and 512, got 0",
                assertThrows(SimException.class, () -> Attention.run(1, 1, 0, 1, new double[0], new double[0], four, false))
                        .getMessage());
        assertEquals("scores[0] overflows a double: a dot product of a query and a key passes 1.8e308; use smaller q or k",
                assertThrows(SimException.class, () -> Attention.run(1, 1, 1, 1, new double[] {1e300}, new double[] {1e300},
                        new double[] {1}, false)).getMessage());
    }
}
