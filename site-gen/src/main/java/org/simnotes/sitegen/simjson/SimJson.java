package org.simnotes.sitegen.simjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.simnotes.sim.DropoutResult;
import org.simnotes.sim.Dropout;
import org.simnotes.sim.PoolResult;
import org.simnotes.sim.Pooling;
import org.simnotes.sim.RnnResult;
import org.simnotes.sim.RnnUnroll;

/**
 * Runs a simulation on a JSON request and gives the JSON response, with the field names of the reference
 * vectors: integers (sizes, masks, indices) as JSON integers, other numbers as shortest round-trip doubles.
 */
public final class SimJson {

    /** The simulations, by the name used on the command line and in the reference vectors. */
    public static final List<String> NAMES = List.of("dropout", "pool", "rnn");

    private static final ObjectMapper MAPPER = JsonMapper.builder(
            JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build()).build();

    private SimJson() {
    }

    /**
     * The response of simulation {@code name} to {@code request}, as one line of JSON.
     *
     * @throws BadRequestException if a field is missing or of the wrong type
     * @throws org.simnotes.sim.SimException if a parameter is invalid
     * @throws IllegalArgumentException if {@code name} is not one of {@link #NAMES}
     */
    public static String run(String name, JsonRequest request) {
        ObjectNode response = switch (name) {
            case "dropout" -> dropout(request);
            case "pool" -> pool(request);
            case "rnn" -> rnn(request);
            default -> throw new IllegalArgumentException("unknown simulation " + name);
        };
        try {
            return MAPPER.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response", e);
        }
    }

    static ObjectNode dropout(JsonRequest rq) {
        double n = rq.number("n");
        double keepProb = rq.number("keepProb");
        double seed = rq.number("seed");
        double[] input = rq.numbers("input");
        DropoutResult r = Dropout.apply(n, keepProb, seed, input);
        ObjectNode out = MAPPER.createObjectNode();
        ints(out.putArray("mask"), r.mask());
        doubles(out.putArray("output"), r.invertedTrain());
        doubles(out.putArray("classicOutput"), r.classicTrain());
        doubles(out.putArray("classicInferenceOutput"), r.classicInference());
        return out;
    }

    static ObjectNode pool(JsonRequest rq) {
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
        ObjectNode out = MAPPER.createObjectNode();
        out.put("height", r.height());
        out.put("width", r.width());
        doubles(out.putArray("output"), r.output());
        if (r.argmax() != null) {
            ints(out.putArray("argmax"), r.argmax());
        }
        return out;
    }

    static ObjectNode rnn(JsonRequest rq) {
        String activation = rq.text("activation");
        double inputSize = rq.number("inputSize");
        double hiddenSize = rq.number("hiddenSize");
        double steps = rq.number("steps");
        double[] wxh = rq.numbers("wxh");
        double[] whh = rq.numbers("whh");
        double[] b = rq.numbers("b");
        double[] h0 = rq.numbers("h0");
        double[] xs = rq.numbers("xs");
        RnnResult r = RnnUnroll.run(activation, inputSize, hiddenSize, steps, wxh, whh, b, h0, xs);
        ObjectNode out = MAPPER.createObjectNode();
        doubles(out.putArray("hs"), r.hs());
        doubles(out.putArray("gradNorms"), r.gradNorms());
        return out;
    }

    private static void doubles(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    private static void ints(ArrayNode array, int[] values) {
        for (int v : values) {
            array.add(v);
        }
    }
}
