package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;

/**
 * The independently computed reference cases in {@code sim-vectors.json} and {@code sim-vectors-2.json}, and
 * the rule for matching them.
 */
final class ReferenceVectors {

    static final String FIRST_SET = "/sim-vectors.json";
    static final String SECOND_SET = "/sim-vectors-2.json";

    /** Checks one case: its test name, request and expected response. */
    interface CaseCheck {
        void check(String name, JsonNode request, JsonNode expected);
    }

    private ReferenceVectors() {
    }

    static JsonNode load(String resource) {
        try (InputStream in = ReferenceVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One test per case of simulation {@code sim} in {@code vectors}; a file without one is an error. */
    static List<DynamicTest> casesOf(JsonNode vectors, String sim, CaseCheck check) {
        List<DynamicTest> tests = new ArrayList<>();
        int index = 0;
        for (JsonNode c : vectors.get("cases")) {
            if (sim.equals(c.get("sim").asText())) {
                String name = "case " + index + ": " + sim + " " + summary(c.get("request"));
                tests.add(DynamicTest.dynamicTest(name, () -> check.check(name, c.get("request"), c.get("response"))));
            }
            index++;
        }
        assertFalse(tests.isEmpty(), "no " + sim + " case in the reference file");
        return tests;
    }

    /** The request's scalar fields, to name a case. */
    static String summary(JsonNode rq) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = rq.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isValueNode()) {
                sb.append(f.getKey()).append('=').append(f.getValue().asText()).append(' ');
            }
        }
        return sb.toString().trim();
    }

    /** Every field of {@code expected} matches the array of that name in {@code actual}; a field not produced fails. */
    static void assertFields(String name, JsonNode expected, Map<String, double[]> actual, double tol) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String where = name + " ." + f.getKey();
            double[] values = actual.get(f.getKey());
            if (values == null) {
                fail(where + ": field not produced");
            }
            assertField(where, f.getValue(), values, tol);
        }
    }

    /** The cases of simulation {@code sim} in {@code vectors}. */
    static List<JsonNode> cases(JsonNode vectors, String sim) {
        List<JsonNode> cases = new ArrayList<>();
        for (JsonNode c : vectors.get("cases")) {
            if (c.get("sim").asText().equals(sim)) {
                cases.add(c);
            }
        }
        return cases;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }

    /** Integers must match exactly, other numbers within {@code tol · max(1, |expected|)}. */
    static void assertField(String where, JsonNode expected, double[] actual, double tol) {
        assertTrue(expected.isArray(), where + ": expected an array in the reference");
        assertEquals(expected.size(), actual.length, where + ": length");
        for (int i = 0; i < actual.length; i++) {
            assertNumber(where + "[" + i + "]", expected.get(i), actual[i], tol);
        }
    }

    static void assertField(String where, JsonNode expected, int[] actual) {
        assertTrue(expected.isArray(), where + ": expected an array in the reference");
        assertEquals(expected.size(), actual.length, where + ": length");
        for (int i = 0; i < actual.length; i++) {
            assertTrue(expected.get(i).isIntegralNumber(), where + "[" + i + "]: reference is not an integer");
            assertEquals(expected.get(i).longValue(), actual[i], where + "[" + i + "]");
        }
    }

    static void assertField(String where, JsonNode expected, String[] actual) {
        assertTrue(expected.isArray(), where + ": expected an array in the reference");
        assertEquals(expected.size(), actual.length, where + ": length");
        for (int i = 0; i < actual.length; i++) {
            assertTrue(expected.get(i).isTextual(), where + "[" + i + "]: reference is not a string");
            assertEquals(expected.get(i).asText(), actual[i], where + "[" + i + "]");
        }
    }

    static void assertNumber(String where, JsonNode expected, double actual, double tol) {
        double e = expected.doubleValue();
        if (expected.isIntegralNumber()) {
            assertEquals(e, actual, 0.0, where + " (integer, exact)");
        } else if (Math.abs(actual - e) > tol * Math.max(1.0, Math.abs(e))) {
            fail(where + ": expected " + e + " within " + tol + "·max(1,|e|), got " + actual);
        }
    }
}
