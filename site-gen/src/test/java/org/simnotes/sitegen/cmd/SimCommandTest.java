package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.simjson.JsonRequest;
import org.simnotes.sitegen.simjson.SimJson;
import picocli.CommandLine;

/** {@code site-gen sim …} run in-process on the reference vectors and on bad requests. */
class SimCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST_SET = "sim-vectors.json";
    private static final String SECOND_SET = "sim-vectors-2.json";
    private static final JsonNode VECTORS = loadVectors(FIRST_SET);
    private static final JsonNode SECOND_VECTORS = loadVectors(SECOND_SET);

    private record Result(int exitCode, String out, String err) {
    }

    private static JsonNode loadVectors(String name) {
        Path root = Path.of(System.getProperty("simnotes.projectRoot", ".."));
        Path file = root.resolve("sim/src/test/resources/" + name);
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the reference vectors at " + file.toAbsolutePath(), e);
        }
    }

    private static Result run(String stdin, String... args) {
        CommandLine cl = SimNotesCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        SimCommand sim = cl.getSubcommands().get("sim").getCommand();
        sim.setInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @TestFactory
    List<DynamicTest> everyReferenceCaseThroughTheCommand() {
        List<DynamicTest> tests = new ArrayList<>();
        addCases(tests, FIRST_SET, VECTORS);
        assertTrue(tests.size() >= 20, "reference cases: " + tests.size());
        addCases(tests, SECOND_SET, SECOND_VECTORS);
        return tests;
    }

    /** One test per case of {@code file}. */
    private static void addCases(List<DynamicTest> tests, String file, JsonNode vectors) {
        double tol = vectors.get("tolerance").doubleValue();
        int index = 0;
        for (JsonNode c : vectors.get("cases")) {
            String sim = c.get("sim").asText();
            String name = file + " case " + index++ + ": " + sim;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Result r = run(JSON.writeValueAsString(c.get("request")), "sim", sim);
                assertEquals("", r.err(), name + " stderr");
                assertEquals(0, r.exitCode(), name + " exit code");
                assertTrue(r.out().endsWith("\n") && r.out().indexOf('\n') == r.out().length() - 1,
                        name + ": one line of JSON on stdout");
                assertMatches(name, c.get("response"), JSON.readTree(r.out()), tol);
            }));
        }
    }

    private static void assertMatches(String name, JsonNode expected, JsonNode actual, double tol) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String where = name + " ." + f.getKey();
            JsonNode a = actual.get(f.getKey());
            if (a == null) {
                fail(where + " is missing from " + actual);
            }
            if (f.getValue().isArray()) {
                assertTrue(a.isArray(), where + " is an array");
                assertEquals(f.getValue().size(), a.size(), where + " length");
                for (int i = 0; i < a.size(); i++) {
                    assertNumber(where + "[" + i + "]", f.getValue().get(i), a.get(i), tol);
                }
            } else {
                assertNumber(where, f.getValue(), a, tol);
            }
        }
    }

    /** Strings exactly; integers exactly and written as JSON integers; other numbers within {@code tol · max(1, |e|)}. */
    private static void assertNumber(String where, JsonNode expected, JsonNode actual, double tol) {
        if (expected.isTextual()) {
            assertEquals(expected, actual, where);
            return;
        }
        assertTrue(actual.isNumber(), where + " is a number, got " + actual);
        if (expected.isIntegralNumber()) {
            assertTrue(actual.isIntegralNumber(), where + " is written as a JSON integer, got " + actual);
            assertEquals(expected.longValue(), actual.longValue(), where);
        } else {
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            if (Math.abs(a - e) > tol * Math.max(1, Math.abs(e))) {
                fail(where + ": expected " + e + " within " + tol + "·max(1,|e|), got " + a);
            }
        }
    }

    private static String request(int caseIndex) {
        return VECTORS.get("cases").get(caseIndex).get("request").toString();
    }

    private static String poolRequestWith(String field, String jsonValue) throws IOException {
        ObjectNode rq = (ObjectNode) JSON.readTree(request(0));
        rq.set(field, JSON.readTree(jsonValue));
        return rq.toString();
    }

    private static void assertBadRequest(String expectedLine, Result r) {
        assertEquals(2, r.exitCode(), "exit code for: " + expectedLine);
        assertEquals("", r.out(), "nothing on stdout for: " + expectedLine);
        assertEquals(expectedLine + System.lineSeparator(), r.err());
    }

    @Test
    void dropoutAlsoGivesTheClassicOutputs() throws IOException {
        String rq = "{\"n\": 4, \"keepProb\": 0.5, \"seed\": 42, \"input\": [1, -2, 3, 4.5]}";
        JsonNode out = JSON.readTree(run(rq, "sim", "dropout").out());
        JsonNode mask = out.get("mask");
        for (int i = 0; i < 4; i++) {
            double x = new double[] {1, -2, 3, 4.5}[i];
            assertEquals(x * mask.get(i).intValue(), out.get("classicOutput").get(i).doubleValue(), 0.0);
            assertEquals(x * 0.5, out.get("classicInferenceOutput").get(i).doubleValue(), 0.0);
            assertEquals(x * mask.get(i).intValue() / 0.5, out.get("output").get(i).doubleValue(), 0.0);
        }
    }

    @Test
    void doublesAreWrittenShortestRoundTrip() {
        // A 1×1 average passes values through. 0.1 + 0.2 needs all 17 digits; Java 17's Double.toString
        // writes 2.82879384806159E17 with 18 digits, the shortest form has 15.
        Result r = run("{\"mode\":\"avg\",\"height\":1,\"width\":3,\"kernel\":1,\"stride\":1,\"padding\":0,"
                + "\"input\":[0.30000000000000004, 2.5185, 2.82879384806159E17]}", "sim", "pool");
        assertEquals("{\"height\":1,\"width\":3,\"output\":[0.30000000000000004,2.5185,2.82879384806159E17]}\n",
                r.out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void invalidParametersNameTheParameter() throws IOException {
        assertBadRequest("sim pool: kernel must be between 1 and 16, got 20",
                run(poolRequestWith("kernel", "20"), "sim", "pool"));
        assertBadRequest("sim pool: padding must be at most kernel/2 = 1, got 2",
                run(poolRequestWith("padding", "2"), "sim", "pool"));
        assertBadRequest("sim pool: input must have height*width = 16 values, got 3",
                run(poolRequestWith("input", "[1, 2, 3]"), "sim", "pool"));
        assertBadRequest("sim pool: mode must be \"max\" or \"avg\", got \"min\"",
                run(poolRequestWith("mode", "\"min\""), "sim", "pool"));
        assertBadRequest("sim pool: stride must be an integer between 1 and 16, got 1.5",
                run(poolRequestWith("stride", "1.5"), "sim", "pool"));
        assertBadRequest("sim dropout: keepProb must be between 0 and 1, got 1.2",
                run("{\"n\": 2, \"keepProb\": 1.2, \"seed\": 1, \"input\": [1, 2]}", "sim", "dropout"));
        assertBadRequest("sim dropout: seed must be an integer between 0 and 9007199254740991, got 9007199254740992",
                run("{\"n\": 2, \"keepProb\": 0.5, \"seed\": 9007199254740992, \"input\": [1, 2]}", "sim", "dropout"));
        assertBadRequest("sim rnn: activation must be \"tanh\", \"relu\" or \"linear\", got \"gelu\"",
                run(request(17).replace("\"tanh\"", "\"gelu\""), "sim", "rnn"));
    }

    @Test
    void missingAndWronglyTypedFieldsAreNamed() throws IOException {
        ObjectNode noKernel = (ObjectNode) JSON.readTree(request(0));
        noKernel.remove("kernel");
        assertBadRequest("sim pool: missing field \"kernel\"", run(noKernel.toString(), "sim", "pool"));
        assertBadRequest("sim pool: kernel must be a number, got string",
                run(poolRequestWith("kernel", "\"2\""), "sim", "pool"));
        assertBadRequest("sim pool: input must be an array of numbers, got object",
                run(poolRequestWith("input", "{}"), "sim", "pool"));
        assertBadRequest("sim pool: input[1] must be a number, got null",
                run(poolRequestWith("input", "[1, null, 3]"), "sim", "pool"));
        assertBadRequest("sim pool: mode must be a string, got boolean",
                run(poolRequestWith("mode", "true"), "sim", "pool"));
        assertBadRequest("sim rnn: the request must be a JSON object, got array", run("[1, 2]", "sim", "rnn"));
        assertBadRequest("sim rnn: empty input, expected one JSON request object", run("  \n", "sim", "rnn"));
    }

    /** The first request for {@code sim} in the second set, with {@code field} set to {@code jsonValue} (removed if null). */
    private static String secondSetRequestWith(String sim, String field, String jsonValue) throws IOException {
        for (JsonNode c : SECOND_VECTORS.get("cases")) {
            if (sim.equals(c.get("sim").asText())) {
                ObjectNode rq = c.get("request").deepCopy();
                if (jsonValue == null) {
                    rq.remove(field);
                } else {
                    rq.set(field, JSON.readTree(jsonValue));
                }
                return rq.toString();
            }
        }
        throw new IllegalStateException("no " + sim + " case in " + SECOND_SET);
    }

    @Test
    void badRecurrentCellRequestsNameTheField() throws IOException {
        assertBadRequest("sim lstm: missing field \"c0\"", run(secondSetRequestWith("lstm", "c0", null), "sim", "lstm"));
        assertBadRequest("sim lstm: wih must have 4*hiddenSize*inputSize = 24 values, got 2",
                run(secondSetRequestWith("lstm", "wih", "[1, 2]"), "sim", "lstm"));
        assertBadRequest("sim lstm: h0 must be an array of numbers, got string",
                run(secondSetRequestWith("lstm", "h0", "\"0\""), "sim", "lstm"));
        assertBadRequest("sim lstm: steps must be between 1 and 1000, got 0",
                run(secondSetRequestWith("lstm", "steps", "0"), "sim", "lstm"));
        assertBadRequest("sim gru: hiddenSize must be an integer between 1 and 256, got 2.5",
                run(secondSetRequestWith("gru", "hiddenSize", "2.5"), "sim", "gru"));
        assertBadRequest("sim gru: xs[1] must be a number, got null",
                run(secondSetRequestWith("gru", "xs", "[0, null]"), "sim", "gru"));
        assertBadRequest("sim gru: bhh must have 3*hiddenSize = 9 values, got 12",
                run(secondSetRequestWith("gru", "bhh", "[0,0,0,0,0,0,0,0,0,0,0,0]"), "sim", "gru"));
        assertBadRequest("sim lstm: f[0] overflows a double: the input to a gate passes 1.8e308; use smaller weights or inputs",
                run("{\"inputSize\":1,\"hiddenSize\":1,\"steps\":1,\"wih\":[0,1e308,0,0],\"whh\":[0,0,0,0],"
                        + "\"bih\":[0,1e308,0,0],\"bhh\":[0,0,0,0],\"h0\":[0],\"c0\":[0],\"xs\":[1]}", "sim", "lstm"));
    }

    @Test
    void badDeepNetworkRequestsNameTheField() throws IOException {
        assertBadRequest("sim deep: missing field \"residual\"", run(secondSetRequestWith("deep", "residual", null), "sim", "deep"));
        assertBadRequest("sim deep: residual must be true or false, got string",
                run(secondSetRequestWith("deep", "residual", "\"yes\""), "sim", "deep"));
        assertBadRequest("sim deep: activation must be \"tanh\", \"relu\" or \"sigmoid\", got \"gelu\"",
                run(secondSetRequestWith("deep", "activation", "\"gelu\""), "sim", "deep"));
        assertBadRequest("sim deep: weightScale must be between 0 and 100, got 101",
                run(secondSetRequestWith("deep", "weightScale", "101"), "sim", "deep"));
        assertBadRequest("sim deep: layers must be between 1 and 1000, got 1001",
                run(secondSetRequestWith("deep", "layers", "1001"), "sim", "deep"));
        assertBadRequest("sim deep: seed must be an integer between 0 and 9007199254740991, got -1",
                run(secondSetRequestWith("deep", "seed", "-1"), "sim", "deep"));
        assertBadRequest("sim deep: width must be a number, got boolean",
                run(secondSetRequestWith("deep", "width", "true"), "sim", "deep"));
        Result overflow = run("{\"layers\":1000,\"width\":1,\"seed\":3,\"activation\":\"relu\",\"residual\":true,"
                + "\"weightScale\":100}", "sim", "deep");
        assertEquals(2, overflow.exitCode());
        assertTrue(overflow.err().matches("sim deep: (outputNorms|gradNorms)\\[\\d+\\] overflows a double: [^\\n]*\\R"),
                overflow.err());
    }

    @Test
    void malformedJsonIsReportedOnOneLineWithItsPosition() {
        Result truncated = run("{\"n\": 3,", "sim", "dropout");
        assertEquals(2, truncated.exitCode());
        assertEquals("", truncated.out());
        String line = truncated.err().strip();
        assertTrue(line.startsWith("sim dropout: malformed JSON at line 1, column 9: "), line);
        assertEquals(1, truncated.err().lines().count(), "one line, no stack trace: " + truncated.err());

        assertBadRequest("sim pool: malformed JSON at line 1, column 4: unexpected content after the request object",
                run("{} {}", "sim", "pool"));
        Result duplicate = run("{\"n\": 1, \"n\": 2}", "sim", "dropout");
        assertEquals(2, duplicate.exitCode());
        assertTrue(duplicate.err().startsWith("sim dropout: malformed JSON at line 1, column "), duplicate.err());
        assertTrue(duplicate.err().contains("Duplicate field 'n'"), duplicate.err());
        Result nan = run("{\"n\": 1, \"keepProb\": NaN, \"seed\": 1, \"input\": [1]}", "sim", "dropout");
        assertEquals(2, nan.exitCode());
        assertTrue(nan.err().startsWith("sim dropout: malformed JSON at line 1, column "), nan.err());
    }

    @Test
    void unknownSimulationIsABadRequest() {
        assertBadRequest("sim conv: unknown simulation, expected one of: " + String.join(", ", SimJson.NAMES),
                run("{}", "sim", "conv"));
    }

    @Test
    void activationTakesAlphaOnlyWhenGiven() throws IOException {
        String x = "\"x\": [-2, 0, 3]";
        JsonNode leaky = JSON.readTree(run("{\"fn\": \"leaky_relu\", " + x + "}", "sim", "activation").out());
        assertEquals(JSON.readTree("[-0.02, 0.0, 3.0]"), leaky.get("y"), "default slope 0.01");
        JsonNode elu = JSON.readTree(run("{\"fn\": \"elu\", \"alpha\": 0.5, " + x + "}", "sim", "activation").out());
        assertEquals(0.5 * Math.expm1(-2), elu.get("y").get(0).doubleValue(), 1e-15);
        assertEquals(0.5, elu.get("grad").get(1).doubleValue(), 0.0, "the left-hand slope α at 0");
        assertEquals(1.0, elu.get("grad").get(2).doubleValue(), 0.0);
    }

    @Test
    void badActivationAndMaskRequestsNameTheField() {
        assertBadRequest("sim activation: missing field \"fn\"", run("{\"x\": [1]}", "sim", "activation"));
        assertBadRequest("sim activation: fn must be \"sigmoid\", \"tanh\", \"relu\", \"leaky_relu\", \"elu\", "
                + "\"gelu\", \"silu\" or \"softplus\", got \"swish\"",
                run("{\"fn\": \"swish\", \"x\": [1]}", "sim", "activation"));
        assertBadRequest("sim activation: x must be an array of numbers, got number",
                run("{\"fn\": \"tanh\", \"x\": 1}", "sim", "activation"));
        assertBadRequest("sim activation: alpha must be a number, got null",
                run("{\"fn\": \"elu\", \"x\": [1], \"alpha\": null}", "sim", "activation"));
        assertBadRequest("sim activation: alpha must be between 0 and 10, got 11",
                run("{\"fn\": \"elu\", \"x\": [1], \"alpha\": 11}", "sim", "activation"));
        assertBadRequest("sim activation: x must hold 1 to 1048576 values, got 0",
                run("{\"fn\": \"gelu\", \"x\": []}", "sim", "activation"));
        assertBadRequest("sim activation: y[0] overflows a double: alpha·x passes 1.8e308; use a smaller alpha or x",
                run("{\"fn\": \"leaky_relu\", \"x\": [-1e308], \"alpha\": 2}", "sim", "activation"));

        assertBadRequest("sim mask: missing field \"vocab\"", run("{\"n\": 5, \"seed\": 1, \"rate\": 0.15}", "sim", "mask"));
        assertBadRequest("sim mask: rate must be a number, got string",
                run("{\"n\": 5, \"seed\": 1, \"vocab\": 10, \"rate\": \"0.15\"}", "sim", "mask"));
        assertBadRequest("sim mask: rate must be between 0 and 1, got 1.5",
                run("{\"n\": 5, \"seed\": 1, \"vocab\": 10, \"rate\": 1.5}", "sim", "mask"));
        assertBadRequest("sim mask: vocab must be between 1 and 2147483647, got 0",
                run("{\"n\": 5, \"seed\": 1, \"vocab\": 0, \"rate\": 0.15}", "sim", "mask"));
        assertBadRequest("sim mask: n must be an integer between 1 and 1048576, got 2.5",
                run("{\"n\": 2.5, \"seed\": 1, \"vocab\": 10, \"rate\": 0.15}", "sim", "mask"));
        assertBadRequest("sim mask: seed must be an integer between 0 and 9007199254740991, got -1",
                run("{\"n\": 5, \"seed\": -1, \"vocab\": 10, \"rate\": 0.15}", "sim", "mask"));
    }

    @Test
    void badPositionalEncodingAndClippingRequestsNameTheField() {
        assertBadRequest("sim posenc: dModel must be even, as sines and cosines come in pairs, got 5",
                run("{\"positions\": 3, \"dModel\": 5}", "sim", "posenc"));
        assertBadRequest("sim posenc: missing field \"positions\"", run("{\"dModel\": 4}", "sim", "posenc"));
        assertBadRequest("sim clip: mode must be \"value\" or \"norm\", got \"max\"",
                run("{\"mode\": \"max\", \"threshold\": 1, \"g\": [1]}", "sim", "clip"));
        assertBadRequest("sim clip: threshold must be a number above 0, got -1",
                run("{\"mode\": \"norm\", \"threshold\": -1, \"g\": [1]}", "sim", "clip"));
        assertBadRequest("sim clip: g must be an array of numbers, got string",
                run("{\"mode\": \"norm\", \"threshold\": 1, \"g\": \"1\"}", "sim", "clip"));
        assertBadRequest("sim clip: normBefore overflows a double: the norm of g passes 1.8e308; scale g down",
                run("{\"mode\": \"value\", \"threshold\": 1, \"g\": [1.7e308, 1.7e308]}", "sim", "clip"));
    }

    /** A valid attention request of two queries and two keys of size 2, with {@code field} set to {@code jsonValue}. */
    private static String attentionRequestWith(String field, String jsonValue) throws IOException {
        ObjectNode rq = (ObjectNode) JSON.readTree("{\"n\": 2, \"m\": 2, \"d\": 2, \"dv\": 1, \"q\": [1, 0, 0, 1], "
                + "\"k\": [1, 0, 0, 1], \"v\": [1, 2], \"causal\": true}");
        rq.set(field, JSON.readTree(jsonValue));
        return rq.toString();
    }

    /** A valid batch normalization request of two samples of two features, with {@code field} set to {@code jsonValue}. */
    private static String normRequestWith(String field, String jsonValue) throws IOException {
        ObjectNode rq = (ObjectNode) JSON.readTree("{\"mode\": \"batch\", \"batch\": 2, \"features\": 2, "
                + "\"x\": [1, 2, 3, 4], \"gamma\": [1, 1], \"beta\": [0, 0], \"eps\": 1e-5}");
        rq.set(field, JSON.readTree(jsonValue));
        return rq.toString();
    }

    @Test
    void badAttentionAndNormalizationRequestsNameTheField() throws IOException {
        assertEquals(0, run(attentionRequestWith("n", "2"), "sim", "attention").exitCode(), "the request itself is valid");
        assertBadRequest("sim attention: causal must be true or false, got number",
                run(attentionRequestWith("causal", "1"), "sim", "attention"));
        assertBadRequest("sim attention: causal needs as many queries as keys, got n = 1 and m = 2",
                run(attentionRequestWith("n", "1").replace("\"q\":[1,0,0,1]", "\"q\":[1,0]"), "sim", "attention"));
        assertBadRequest("sim attention: v must have m*dv = 2 values, got 3",
                run(attentionRequestWith("v", "[1, 2, 3]"), "sim", "attention"));
        assertBadRequest("sim attention: dv must be an integer between 1 and 512, got 0.5",
                run(attentionRequestWith("dv", "0.5"), "sim", "attention"));
        assertBadRequest("sim attention: scores[0] overflows a double: a dot product of a query and a key passes 1.8e308; "
                + "use smaller q or k", run(attentionRequestWith("q", "[1e300, 0, 0, 1]")
                        .replace("\"k\":[1,0,0,1]", "\"k\":[1e300,0,0,1]"), "sim", "attention"));

        assertEquals(0, run(normRequestWith("mode", "\"layer\""), "sim", "norm").exitCode(), "the request itself is valid");
        assertBadRequest("sim norm: mode must be \"batch\" or \"layer\", got \"group\"",
                run(normRequestWith("mode", "\"group\""), "sim", "norm"));
        assertBadRequest("sim norm: beta must have features = 2 values, got 1", run(normRequestWith("beta", "[0]"), "sim", "norm"));
        assertBadRequest("sim norm: x must have batch*features = 6 values, got 4",
                run(normRequestWith("batch", "3"), "sim", "norm"));
        assertBadRequest("sim norm: eps must be above 0 and at most 1, got -1", run(normRequestWith("eps", "-1"), "sim", "norm"));
        assertBadRequest("sim norm: gamma must be an array of numbers, got number", run(normRequestWith("gamma", "1"), "sim", "norm"));
        ObjectNode noEps = (ObjectNode) JSON.readTree(normRequestWith("eps", "1"));
        noEps.remove("eps");
        assertBadRequest("sim norm: missing field \"eps\"", run(noEps.toString(), "sim", "norm"));
    }

    @Test
    void theHelpListsEverySimulation() {
        Result r = run("", "sim", "--help");
        assertEquals(0, r.exitCode());
        String names = "One of: " + String.join(", ", SimJson.NAMES) + ".";
        assertTrue(r.out().replaceAll("\\s+", " ").contains(names), r.out());
        assertTrue(SimJson.NAMES.containsAll(List.of("dropout", "pool", "rnn", "attention", "norm", "lstm", "gru", "activation", "posenc", "mask", "clip",
                "deep")), SimJson.NAMES.toString());
    }

    @Test
    void missingSimulationNameIsAUsageError() {
        Result r = run("{}", "sim");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("Missing required parameter: '<simulation>'"), r.err());
    }

    @Test
    void aResultBeyondTheLargestDoubleIsABadRequestNotInfinity() {
        assertBadRequest("sim pool: output[0] overflows a double: the sum of its window passes 1.8e308; scale the input down",
                run("{\"mode\":\"avg\",\"height\":2,\"width\":2,\"kernel\":2,\"stride\":1,\"padding\":0,"
                        + "\"input\":[1e308,1e308,1e308,1e308]}", "sim", "pool"));
        assertBadRequest("sim rnn: hs[1] overflows a double: the input to an activation passes 1.8e308; use smaller weights or inputs",
                run("{\"activation\":\"relu\",\"inputSize\":1,\"hiddenSize\":1,\"steps\":2,\"wxh\":[1e200],"
                        + "\"whh\":[1e200],\"b\":[0],\"h0\":[0],\"xs\":[1,0]}", "sim", "rnn"));
        assertBadRequest("sim rnn: gradNorms[0] overflows a double: the gradient passes 1.8e308 going back through time; "
                + "use a smaller whh or fewer steps",
                run("{\"activation\":\"relu\",\"inputSize\":1,\"hiddenSize\":1,\"steps\":2,\"wxh\":[0],"
                        + "\"whh\":[1e200],\"b\":[0],\"h0\":[1e-200],\"xs\":[0,0]}", "sim", "rnn"));
    }

    /** A request that never ends: {@code head}, then {@code pattern} over and over; counts the bytes read. */
    private static final class EndlessRequest extends InputStream {
        private final byte[] head;
        private final byte[] pattern;
        long read;

        EndlessRequest(String head, String pattern) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.pattern = pattern.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            long i = read++;
            return i < head.length ? head[(int) i] : pattern[(int) ((i - head.length) % pattern.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }

    private static Result run(InputStream stdin, String... args) {
        CommandLine cl = SimNotesCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        ((SimCommand) cl.getSubcommands().get("sim").getCommand()).setInput(stdin);
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void anEndlessRequestIsRefusedAtTheSizeLimitWithoutBeingReadWhole() {
        // A field the simulation does not read, whose string never closes.
        EndlessRequest text = new EndlessRequest("{\"n\": 1, \"keepProb\": 0.5, \"seed\": 1, \"input\": [1], \"note\": \"", "a");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(text, "sim", "dropout"));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().matches("sim dropout: the request is too large: Document length \\(\\d+\\) exceeds the maximum "
                + "allowed \\(67108864\\)\\R"), r.err());
        assertTrue(text.read < JsonRequest.MAX_BYTES + (1 << 20), "read " + text.read + " bytes");

        EndlessRequest zeros = new EndlessRequest("{\"n\": 1, \"keepProb\": 0.5, \"seed\": 1, \"input\": [", "0,");
        Result values = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(zeros, "sim", "dropout"));
        assertBadRequest("sim dropout: input holds more than 1048576 values, the most a simulation takes", values);
        assertTrue(zeros.read < 3 * JsonRequest.MAX_VALUES, "read " + zeros.read + " bytes");
    }

    @Test
    void anUnreadableInputIsOneLineAndExitCode1() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Input/output error");
            }
        };
        Result r = run(broken, "sim", "pool");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals("sim pool: cannot read the request: Input/output error" + System.lineSeparator(), r.err());
    }

    @Test
    void aLargeFieldTheSimulationDoesNotReadIsSkipped() throws IOException {
        ObjectNode rq = (ObjectNode) JSON.readTree(request(0));
        rq.put("comment", "x".repeat(1000)).putArray("extra").add(1).addArray().add("nested");
        String withExtra = rq.toString().replace("\"extra\":[1,", "\"extra\":[" + "0,".repeat(2 * JsonRequest.MAX_VALUES) + "1,");
        Result r = run(withExtra, "sim", "pool");
        assertEquals("", r.err());
        assertEquals(JSON.readTree(run(request(0), "sim", "pool").out()), JSON.readTree(r.out()));
    }

    /** The arrays of a dropout request over a million units, as the command reads them. */
    private static String largestDropoutRequest() {
        return "{\"n\": 1048576, \"keepProb\": 0.5, \"seed\": 1, \"input\": [" + "1,".repeat(JsonRequest.MAX_VALUES - 1) + "1]}";
    }

    @Test
    void tooSmallAHeapGivesOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        // From a file: the command stops reading when memory runs out, so a pipe would break.
        Path request = Files.writeString(dir.resolve("request.json"), largestDropoutRequest());
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SimNotesCommand.class.getName(), "sim", "dropout").redirectInput(request.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM ends");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("sim dropout: not enough memory for this request; give Java a larger heap with -Xmx "
                + "(through SIMNOTES_JAVA_OPTS for the simnotes script)" + System.lineSeparator(), err);
        assertEquals(1, p.exitValue());
        assertEquals(0, p.getInputStream().readAllBytes().length, "nothing on stdout");
    }
}
