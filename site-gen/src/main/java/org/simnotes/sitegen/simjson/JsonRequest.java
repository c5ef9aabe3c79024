package org.simnotes.sitegen.simjson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * One simulation request: a JSON object read from a stream, with typed access to its fields. Numbers are
 * read as doubles whatever their JSON spelling (the simulations check integrality and range themselves);
 * fields the simulation does not know are ignored.
 */
public final class JsonRequest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final JsonNode object;

    private JsonRequest(JsonNode object) {
        this.object = object;
    }

    /** Reads exactly one JSON object from {@code in}; anything but whitespace after it is an error. */
    public static JsonRequest read(InputStream in) {
        try (JsonParser parser = MAPPER.createParser(in)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new BadRequestException("empty input, expected one JSON request object");
            }
            if (!node.isObject()) {
                throw new BadRequestException("the request must be a JSON object, got " + typeOf(node));
            }
            if (parser.nextToken() != null) {
                throw new BadRequestException("malformed JSON" + at(parser.currentTokenLocation())
                        + ": unexpected content after the request object");
            }
            return new JsonRequest(node);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("malformed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number field, as a double. */
    public double number(String name) {
        JsonNode node = field(name);
        if (!node.isNumber()) {
            throw new BadRequestException(name + " must be a number, got " + typeOf(node));
        }
        return node.doubleValue();
    }

    /** A string field. */
    public String text(String name) {
        JsonNode node = field(name);
        if (!node.isTextual()) {
            throw new BadRequestException(name + " must be a string, got " + typeOf(node));
        }
        return node.textValue();
    }

    /** An array-of-numbers field, as doubles. */
    public double[] numbers(String name) {
        JsonNode node = field(name);
        if (!node.isArray()) {
            throw new BadRequestException(name + " must be an array of numbers, got " + typeOf(node));
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode item = node.get(i);
            if (!item.isNumber()) {
                throw new BadRequestException(name + "[" + i + "] must be a number, got " + typeOf(item));
            }
            values[i] = item.doubleValue();
        }
        return values;
    }

    private JsonNode field(String name) {
        JsonNode node = object.get(name);
        if (node == null) {
            throw new BadRequestException("missing field \"" + name + "\"");
        }
        return node;
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
