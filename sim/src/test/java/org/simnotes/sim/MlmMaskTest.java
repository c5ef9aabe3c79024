package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.simnotes.sim.ReferenceVectors.assertField;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.simnotes.simapi.SimException;

class MlmMaskTest {

    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.SECOND_SET);

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : ReferenceVectors.cases(VECTORS, "mask")) {
            JsonNode rq = c.get("request");
            String name = "mask n=" + rq.get("n") + " seed=" + rq.get("seed") + " vocab=" + rq.get("vocab")
                    + " rate=" + rq.get("rate");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                MlmMaskResult r = MlmMask.select(rq.get("n").doubleValue(), rq.get("seed").doubleValue(),
                        rq.get("vocab").doubleValue(), rq.get("rate").doubleValue());
                for (Iterator<Map.Entry<String, JsonNode>> it = c.get("response").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    String where = name + " ." + f.getKey();
                    switch (f.getKey()) {
                        case "selected" -> assertField(where, f.getValue(), r.selected());
                        case "actions" -> assertField(where, f.getValue(), r.actions());
                        case "tokens" -> assertField(where, f.getValue(), r.tokens());
                        default -> fail(where + ": field not produced");
                    }
                }
            }));
        }
        assertTrue(tests.size() >= 3, "mask cases: " + tests.size());
        return tests;
    }

    @Test
    void drawsFollowTheSplittableRandomSequenceInTheDocumentedOrder() {
        SplittableRandom rng = new SplittableRandom(2024);
        List<Integer> selected = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<Integer> tokens = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (rng.nextDouble() < 0.4) {
                selected.add(i);
                double v = rng.nextDouble();
                actions.add(v < 0.8 ? "mask" : v < 0.9 ? "random" : "keep");
                tokens.add(v >= 0.8 && v < 0.9 ? (int) Math.floor(rng.nextDouble() * 50) : -1);
            }
        }
        MlmMaskResult r = MlmMask.select(300, 2024, 50, 0.4);
        assertArrayEquals(selected.stream().mapToInt(Integer::intValue).toArray(), r.selected());
        assertArrayEquals(actions.toArray(new String[0]), r.actions());
        assertArrayEquals(tokens.stream().mapToInt(Integer::intValue).toArray(), r.tokens());
    }

    @Test
    void bertsFifteenPercentSplitsEightyTenTen() {
        int n = 200_000;
        MlmMaskResult r = MlmMask.select(n, 5, 30522, 0.15);
        int selected = r.selected().length;
        assertEquals(0.15, (double) selected / n, 5 * Math.sqrt(0.15 * 0.85 / n), "share selected");
        int mask = 0;
        int random = 0;
        for (int i = 0; i < selected; i++) {
            switch (r.actions()[i]) {
                case MlmMask.MASK -> mask++;
                case MlmMask.RANDOM -> {
                    random++;
                    assertTrue(r.tokens()[i] >= 0 && r.tokens()[i] < 30522, "token in the vocabulary");
                }
                case MlmMask.KEEP -> assertEquals(-1, r.tokens()[i]);
                default -> fail("unknown action " + r.actions()[i]);
            }
            assertTrue(i == 0 || r.selected()[i] > r.selected()[i - 1], "positions ascend");
        }
        assertEquals(0.8, (double) mask / selected, 5 * Math.sqrt(0.8 * 0.2 / selected), "share masked");
        assertEquals(0.1, (double) random / selected, 5 * Math.sqrt(0.1 * 0.9 / selected), "share random");
    }

    @Test
    void rateZeroSelectsNothingAndRateOneEverything() {
        assertEquals(0, MlmMask.select(50, 3, 10, 0).selected().length);
        int[] all = MlmMask.select(50, 3, 10, 1).selected();
        assertEquals(50, all.length);
        assertEquals(49, all[49]);
        int[] tokens = MlmMask.select(50, 3, 1, 1).tokens();
        for (int t : tokens) {
            assertTrue(t == -1 || t == 0, "a vocabulary of one has only token 0");
        }
    }

    @Test
    void invalidParametersAreNamed() {
        assertEquals("n must be between 1 and 1048576, got 0",
                assertThrows(SimException.class, () -> MlmMask.select(0, 1, 10, 0.15)).getMessage());
        assertEquals("vocab must be between 1 and 2147483647, got 0",
                assertThrows(SimException.class, () -> MlmMask.select(5, 1, 0, 0.15)).getMessage());
        assertEquals("vocab must be an integer between 1 and 2147483647, got 2.5",
                assertThrows(SimException.class, () -> MlmMask.select(5, 1, 2.5, 0.15)).getMessage());
        assertEquals("rate must be between 0 and 1, got 1.5",
                assertThrows(SimException.class, () -> MlmMask.select(5, 1, 10, 1.5)).getMessage());
        assertEquals("seed must be an integer between 0 and 9007199254740991, got -1",
                assertThrows(SimException.class, () -> MlmMask.select(5, -1, 10, 0.15)).getMessage());
    }
}
