package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.simnotes.simapi.SimException;

class EmbeddingTest {
    /** Three words, two dimensions. */
    private static final double[] TABLE = {1, 2, 3, 4, -5, 6};

    @Test
    void aLookupIsTheWordsRow() {
        assertArrayEquals(new double[] {3, 4}, Embedding.lookup(3, 2, TABLE, 1), 0.0);
        assertArrayEquals(new double[] {-5, 6}, Embedding.lookup(3, 2, TABLE, 2), 0.0);
    }

    @Test
    void aOneHotVectorTimesTheTableIsTheSameRow() {
        assertArrayEquals(new double[] {0, 0, 1}, Embedding.oneHot(3, 2), 0.0);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(Embedding.lookup(3, 2, TABLE, k), Embedding.times(3, 2, TABLE, Embedding.oneHot(3, k)), 0.0);
        }
        // Any row vector: a weighted sum of the rows.
        assertArrayEquals(new double[] {1 * 2 + 3 * 0.5 - 5, 2 * 2 + 4 * 0.5 + 6}, Embedding.times(3, 2, TABLE, new double[] {2, 0.5, 1}), 0.0);
    }

    @Test
    void cosineMeasuresTheAngleNotTheLength() {
        assertEquals(1, Embedding.cosine(new double[] {1, 2}, new double[] {3, 6}), 1e-15);
        assertEquals(-1, Embedding.cosine(new double[] {1, 2}, new double[] {-2, -4}), 1e-15);
        assertEquals(0, Embedding.cosine(new double[] {1, 0}, new double[] {0, 5}), 0.0);
        assertEquals(Math.sqrt(0.5), Embedding.cosine(new double[] {1, 0}, new double[] {1, 1}), 1e-15);
        assertEquals(0, Embedding.cosine(new double[] {0, 0}, new double[] {1, 1}), 0.0, "a zero vector has no direction");
        assertEquals(1, Embedding.cosine(new double[] {1e300, 1e300}, new double[] {1e300, 1e300}), 1e-15, "no overflow");
    }

    @Test
    void badRequestsNameTheField() {
        assertEquals("index must be between 0 and 2, got 3",
                assertThrows(SimException.class, () -> Embedding.lookup(3, 2, TABLE, 3)).getMessage());
        assertEquals("table must have vocab*dim = 8 values, got 6",
                assertThrows(SimException.class, () -> Embedding.lookup(4, 2, TABLE, 0)).getMessage());
        assertEquals("b must have the length of a = 2 values, got 3",
                assertThrows(SimException.class, () -> Embedding.cosine(new double[2], new double[3])).getMessage());
    }
}
