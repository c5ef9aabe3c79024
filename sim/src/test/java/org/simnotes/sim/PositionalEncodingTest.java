package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.simnotes.simapi.SimException;

class PositionalEncodingTest {
    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.SECOND_SET);

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        double tol = VECTORS.get("tolerance").doubleValue();
        return ReferenceVectors.casesOf(VECTORS, "posenc", (name, rq, expected) -> ReferenceVectors.assertFields(name, expected,
                Map.of("pe", PositionalEncoding.encode(rq.get("positions").doubleValue(), rq.get("dModel").doubleValue())), tol));
    }

    @Test
    void positionZeroIsSinesOfZeroAndCosinesOfZero() {
        double[] pe = PositionalEncoding.encode(1, 6);
        for (int i = 0; i < 6; i++) {
            assertEquals(i % 2 == 0 ? 0.0 : 1.0, pe[i], 0.0, "dimension " + i);
        }
    }

    @Test
    void anOddModelSizeOrAnOutOfRangeCountIsNamed() {
        assertEquals("dModel must be even, as sines and cosines come in pairs, got 5",
                assertThrows(SimException.class, () -> PositionalEncoding.encode(3, 5)).getMessage());
        assertEquals("positions must be between 1 and 4096, got 0",
                assertThrows(SimException.class, () -> PositionalEncoding.encode(0, 4)).getMessage());
    }
}
