package org.simnotes.sitegen.simjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.simnotes.sim.Activation;
import org.simnotes.sim.ActivationResult;
import org.simnotes.sim.Attention;
import org.simnotes.sim.AttentionResult;
import org.simnotes.sim.ClipResult;
import org.simnotes.sim.DeepNet;
import org.simnotes.sim.DeepNetResult;
import org.simnotes.sim.Dropout;
import org.simnotes.sim.DropoutResult;
import org.simnotes.sim.GradientClip;
import org.simnotes.sim.GruResult;
import org.simnotes.sim.GruUnroll;
import org.simnotes.sim.LstmResult;
import org.simnotes.sim.LstmUnroll;
import org.simnotes.sim.MlmMask;
import org.simnotes.sim.MlmMaskResult;
import org.simnotes.sim.NormResult;
import org.simnotes.sim.Normalization;
import org.simnotes.sim.PoolResult;
import org.simnotes.sim.Pooling;
import org.simnotes.sim.PositionalEncoding;
import org.simnotes.sim.RnnResult;
import org.simnotes.sim.RnnUnroll;

/**
 * Runs a simulation on a JSON request and writes the JSON response, with the field names of the reference
 * vectors: integers (sizes, masks, indices) as JSON integers, other numbers as shortest round-trip doubles.
 * The response is streamed, so the largest one is never held as text or as a tree.
 */
public final class SimJson {

    /** The simulations, by the name used on the command line and in the reference vectors. */
    public static final List<String> NAMES = List.of("dropout", "pool", "rnn",
            "attention", "norm", "lstm", "gru", "activation", "posenc", "mask", "clip", "deep");

    /** The request fields each simulation reads; others are skipped unread. */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("dropout", List.of("n", "keepProb", "seed", "input")),
            Map.entry("pool", List.of("mode", "height", "width", "kernel", "stride", "padding", "input")),
            Map.entry("rnn", List.of("activation", "inputSize", "hiddenSize", "steps", "wxh", "whh", "b", "h0", "xs")),
            Map.entry("attention", List.of("n", "m", "d", "dv", "q", "k", "v", "causal")),
            Map.entry("norm", List.of("mode", "batch", "features", "x", "gamma", "beta", "eps")),
            Map.entry("lstm", List.of("inputSize", "hiddenSize", "steps", "wih", "whh", "bih", "bhh", "h0", "c0", "xs")),
            Map.entry("gru", List.of("inputSize", "hiddenSize", "steps", "wih", "whh", "bih", "bhh", "h0", "xs")),
            Map.entry("activation", List.of("fn", "x", "alpha")),
            Map.entry("posenc", List.of("positions", "dModel")),
            Map.entry("mask", List.of("n", "seed", "vocab", "rate")),
            Map.entry("clip", List.of("mode", "threshold", "g")),
            Map.entry("deep", List.of("layers", "width", "seed", "activation", "residual", "weightScale")));

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private SimJson() {
    }

    /**
     * Reads a request for simulation {@code name} from {@code in} and writes its response to {@code out} as
     * one line of JSON (without the line end). Nothing is written unless the simulation answers.
     *
     * @throws BadRequestException if the request is malformed, too large, or a field is missing or of the wrong type
     * @throws org.simnotes.simapi.SimException if a parameter is invalid or the result overflows
     * @throws IllegalArgumentException if {@code name} is not one of {@link #NAMES}
     * @throws IOException if the request cannot be read
     */
    public static void run(String name, InputStream in, Writer out) throws IOException {
        List<String> fields = FIELDS.get(name);
        if (fields == null) {
            throw new IllegalArgumentException("unknown simulation " + name);
        }
        JsonRequest rq = JsonRequest.read(in, fields);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            switch (name) {
                case "dropout" -> dropout(rq, json);
                case "pool" -> pool(rq, json);
                case "rnn" -> rnn(rq, json);
                case "attention" -> attention(rq, json);
                case "norm" -> norm(rq, json);
                case "lstm" -> lstm(rq, json);
                case "gru" -> gru(rq, json);
                case "activation" -> activation(rq, json);
                case "posenc" -> posenc(rq, json);
                case "mask" -> mask(rq, json);
                case "clip" -> clip(rq, json);
                case "deep" -> deep(rq, json);
            }
        }
    }

    private static void dropout(JsonRequest rq, JsonGenerator json) throws IOException {
        DropoutResult r = Dropout.apply(rq.number("n"), rq.number("keepProb"), rq.number("seed"), rq.numbers("input"));
        json.writeStartObject();
        ints(json, "mask", r.mask());
        doubles(json, "output", r.invertedTrain());
        doubles(json, "classicOutput", r.classicTrain());
        doubles(json, "classicInferenceOutput", r.classicInference());
        json.writeEndObject();
    }

    private static void pool(JsonRequest rq, JsonGenerator json) throws IOException {
        String mode = rq.text("mode");
        if (!"max".equals(mode) && !"avg".equals(mode)) {
            throw new BadRequestException("mode must be \"max\" or \"avg\", got \"" + mode + "\"");
        }
        double height = rq.number("height");
        double width = rq.number("width");
        double kernel = rq.number("kernel");
        double stride = rq.number("stride");
        double padding = rq.number("padding");
        double[] input = rq.numbers("input");
        PoolResult r = "max".equals(mode)
                ? Pooling.max(height, width, kernel, stride, padding, input)
                : Pooling.avg(height, width, kernel, stride, padding, input);
        json.writeStartObject();
        json.writeNumberField("height", r.height());
        json.writeNumberField("width", r.width());
        doubles(json, "output", r.output());
        if (r.argmax() != null) {
            ints(json, "argmax", r.argmax());
        }
        json.writeEndObject();
    }

    private static void rnn(JsonRequest rq, JsonGenerator json) throws IOException {
        RnnResult r = RnnUnroll.run(rq.text("activation"), rq.number("inputSize"), rq.number("hiddenSize"),
                rq.number("steps"), rq.numbers("wxh"), rq.numbers("whh"), rq.numbers("b"), rq.numbers("h0"),
                rq.numbers("xs"));
        json.writeStartObject();
        doubles(json, "hs", r.hs());
        doubles(json, "gradNorms", r.gradNorms());
        json.writeEndObject();
    }

    private static void attention(JsonRequest rq, JsonGenerator json) throws IOException {
        AttentionResult r = Attention.run(rq.number("n"), rq.number("m"), rq.number("d"), rq.number("dv"),
                rq.numbers("q"), rq.numbers("k"), rq.numbers("v"), rq.bool("causal"));
        json.writeStartObject();
        doubles(json, "scores", r.scores());
        doubles(json, "weights", r.weights());
        doubles(json, "output", r.output());
        json.writeEndObject();
    }

    private static void norm(JsonRequest rq, JsonGenerator json) throws IOException {
        NormResult r = Normalization.run(rq.text("mode"), rq.number("batch"), rq.number("features"), rq.numbers("x"),
                rq.numbers("gamma"), rq.numbers("beta"), rq.number("eps"));
        json.writeStartObject();
        doubles(json, "mean", r.mean());
        doubles(json, "var", r.var());
        doubles(json, "y", r.y());
        json.writeEndObject();
    }

    private static void lstm(JsonRequest rq, JsonGenerator json) throws IOException {
        LstmResult r = LstmUnroll.run(rq.number("inputSize"), rq.number("hiddenSize"), rq.number("steps"),
                rq.numbers("wih"), rq.numbers("whh"), rq.numbers("bih"), rq.numbers("bhh"), rq.numbers("h0"),
                rq.numbers("c0"), rq.numbers("xs"));
        json.writeStartObject();
        doubles(json, "hs", r.hs());
        doubles(json, "cs", r.cs());
        doubles(json, "i", r.inputGate());
        doubles(json, "f", r.forgetGate());
        doubles(json, "g", r.candidate());
        doubles(json, "o", r.outputGate());
        json.writeEndObject();
    }

    private static void gru(JsonRequest rq, JsonGenerator json) throws IOException {
        GruResult r = GruUnroll.run(rq.number("inputSize"), rq.number("hiddenSize"), rq.number("steps"),
                rq.numbers("wih"), rq.numbers("whh"), rq.numbers("bih"), rq.numbers("bhh"), rq.numbers("h0"),
                rq.numbers("xs"));
        json.writeStartObject();
        doubles(json, "hs", r.hs());
        doubles(json, "r", r.resetGate());
        doubles(json, "z", r.updateGate());
        doubles(json, "n", r.candidate());
        json.writeEndObject();
    }

    private static void deep(JsonRequest rq, JsonGenerator json) throws IOException {
        DeepNetResult r = DeepNet.run(rq.number("layers"), rq.number("width"), rq.number("seed"),
                rq.text("activation"), rq.bool("residual"), rq.number("weightScale"));
        json.writeStartObject();
        doubles(json, "gradNorms", r.gradNorms());
        doubles(json, "outputNorms", r.outputNorms());
        json.writeEndObject();
    }

    private static void activation(JsonRequest rq, JsonGenerator json) throws IOException {
        String fn = rq.text("fn");
        double[] x = rq.numbers("x");
        // alpha is optional: leaky_relu and elu then take PyTorch's defaults.
        ActivationResult r = rq.has("alpha") ? Activation.apply(fn, x, rq.number("alpha")) : Activation.apply(fn, x);
        json.writeStartObject();
        doubles(json, "y", r.y());
        doubles(json, "grad", r.grad());
        json.writeEndObject();
    }

    private static void posenc(JsonRequest rq, JsonGenerator json) throws IOException {
        double[] pe = PositionalEncoding.encode(rq.number("positions"), rq.number("dModel"));
        json.writeStartObject();
        doubles(json, "pe", pe);
        json.writeEndObject();
    }

    private static void clip(JsonRequest rq, JsonGenerator json) throws IOException {
        ClipResult r = GradientClip.clip(rq.text("mode"), rq.number("threshold"), rq.numbers("g"));
        json.writeStartObject();
        doubles(json, "clipped", r.clipped());
        json.writeNumberField("normBefore", r.normBefore());
        json.writeNumberField("normAfter", r.normAfter());
        json.writeEndObject();
    }

    private static void mask(JsonRequest rq, JsonGenerator json) throws IOException {
        MlmMaskResult r = MlmMask.select(rq.number("n"), rq.number("seed"), rq.number("vocab"), rq.number("rate"));
        json.writeStartObject();
        ints(json, "selected", r.selected());
        json.writeArrayFieldStart("actions");
        for (String action : r.actions()) {
            json.writeString(action);
        }
        json.writeEndArray();
        ints(json, "tokens", r.tokens());
        json.writeEndObject();
    }

    private static void doubles(JsonGenerator json, String name, double[] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (double v : values) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }

    private static void ints(JsonGenerator json, String name, int[] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (int v : values) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }
}
