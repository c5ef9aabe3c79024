package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Every case of the reference file, computed by the simulation classes and matched field by field. */
class ReferenceVectorsTest {

    private static final JsonNode VECTORS = ReferenceVectors.load(ReferenceVectors.FIRST_SET);
    private static final double TOL = VECTORS.get("tolerance").doubleValue();

    @Test
    void referenceFileHoldsCasesOfEverySimulation() {
        int pool = 0;
        int dropout = 0;
        int rnn = 0;
        for (JsonNode c : VECTORS.get("cases")) {
            switch (c.get("sim").asText()) {
                case "pool" -> pool++;
                case "dropout" -> dropout++;
                case "rnn" -> rnn++;
                default -> fail("unknown sim " + c.get("sim"));
            }
        }
        assertTrue(pool > 0 && dropout > 0 && rnn > 0, "pool " + pool + ", dropout " + dropout + ", rnn " + rnn);
        assertTrue(TOL > 0 && TOL <= 1e-6, "tolerance " + TOL);
    }

    @TestFactory
    List<DynamicTest> everyReferenceCase() {
        List<DynamicTest> tests = new ArrayList<>();
        int index = 0;
        for (JsonNode c : VECTORS.get("cases")) {
            String name = "case " + index++ + ": " + c.get("sim").asText() + " " + summary(c.get("request"));
            tests.add(DynamicTest.dynamicTest(name, () -> check(name, c)));
        }
        return tests;
    }

    private static void check(String name, JsonNode c) {
        JsonNode rq = c.get("request");
        JsonNode expected = c.get("response");
        switch (c.get("sim").asText()) {
            case "pool" -> checkPool(name, rq, expected);
            case "dropout" -> checkDropout(name, rq, expected);
            case "rnn" -> checkRnn(name, rq, expected);
            default -> fail("unknown sim in " + name);
        }
    }

    private static void checkPool(String name, JsonNode rq, JsonNode expected) {
        String mode = rq.get("mode").asText();
        double h = rq.get("height").doubleValue();
        double w = rq.get("width").doubleValue();
        double k = rq.get("kernel").doubleValue();
        double s = rq.get("stride").doubleValue();
        double p = rq.get("padding").doubleValue();
        double[] input = doubles(rq.get("input"));
        PoolResult r = "max".equals(mode) ? Pooling.max(h, w, k, s, p, input) : Pooling.avg(h, w, k, s, p, input);
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String where = name + " ." + f.getKey();
            switch (f.getKey()) {
                case "height" -> assertEquals(f.getValue().intValue(), r.height(), where);
                case "width" -> assertEquals(f.getValue().intValue(), r.width(), where);
                case "output" -> assertField(where, f.getValue(), r.output(), TOL);
                case "argmax" -> assertField(where, f.getValue(), r.argmax());
                default -> fail(where + ": field not produced");
            }
        }
        if (!"max".equals(mode)) {
            assertNull(r.argmax(), name + ": average pooling has no argmax");
        }
    }

    private static void checkDropout(String name, JsonNode rq, JsonNode expected) {
        DropoutResult r = Dropout.apply(rq.get("n").doubleValue(), rq.get("keepProb").doubleValue(),
                rq.get("seed").doubleValue(), doubles(rq.get("input")));
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String where = name + " ." + f.getKey();
            switch (f.getKey()) {
                case "mask" -> assertField(where, f.getValue(), r.mask());
                case "output" -> assertField(where, f.getValue(), r.invertedTrain(), TOL);
                default -> fail(where + ": field not produced");
            }
        }
    }

    private static void checkRnn(String name, JsonNode rq, JsonNode expected) {
        RnnResult r = RnnUnroll.run(rq.get("activation").asText(), rq.get("inputSize").doubleValue(),
                rq.get("hiddenSize").doubleValue(), rq.get("steps").doubleValue(), doubles(rq.get("wxh")),
                doubles(rq.get("whh")), doubles(rq.get("b")), doubles(rq.get("h0")), doubles(rq.get("xs")));
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String where = name + " ." + f.getKey();
            switch (f.getKey()) {
                case "hs" -> assertField(where, f.getValue(), r.hs(), TOL);
                case "gradNorms" -> assertField(where, f.getValue(), r.gradNorms(), TOL);
                default -> fail(where + ": field not produced");
            }
        }
    }

    private static String summary(JsonNode rq) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = rq.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isValueNode()) {
                sb.append(f.getKey()).append('=').append(f.getValue().asText()).append(' ');
            }
        }
        return sb.toString().trim();
    }
}
