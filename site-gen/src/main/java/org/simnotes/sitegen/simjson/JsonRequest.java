package org.simnotes.sitegen.simjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One simulation request: a JSON object streamed from its input, keeping only the fields the simulation
 * reads, so neither a large request nor a large field it ignores is ever held whole. Numbers are read as
 * doubles whatever their JSON spelling (the simulations check integrality and range themselves).
 */
public final class JsonRequest {

    /** The longest request read: room for the largest simulation's 2^20 numbers however they are spaced. */
    public static final long MAX_BYTES = 64L << 20;
    /** The most numbers one array may hold: the most any simulation takes (2^20 units, a 1024×1024 grid). */
    public static final int MAX_VALUES = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_BYTES).build())
            .build();

    /** A field as read: its JSON type and, for a number, a string, a boolean or an array, its value. */
    private record Field(String type, Object value) {
    }

    private final Map<String, Field> fields;

    private JsonRequest(Map<String, Field> fields) {
        this.fields = fields;
    }

    /**
     * Reads exactly one JSON object from {@code in}, keeping the fields named in {@code wanted}; anything
     * but whitespace after it is an error.
     *
     * @throws BadRequestException if the input is not one such object or breaks a size limit
     * @throws IOException if the input cannot be read
     */
    public static JsonRequest read(InputStream in, Collection<String> wanted) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new BadRequestException("empty input, expected one JSON request object");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new BadRequestException("the request must be a JSON object, got " + typeOf(first));
            }
            Map<String, Field> fields = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (wanted.contains(name)) {
                    fields.put(name, value(parser, name));
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new BadRequestException("malformed JSON" + at(parser.currentTokenLocation())
                        + ": unexpected content after the request object");
            }
            return new JsonRequest(fields);
        } catch (StreamConstraintsException e) {
            throw new BadRequestException("the request is too large: " + withoutSource(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new BadRequestException("malformed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    /** Whether the request holds field {@code name}, whatever its type: how an optional field is told apart. */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A number field, as a double. */
    public double number(String name) {
        return (Double) field(name, "number", "a number");
    }

    /** A string field. */
    public String text(String name) {
        return (String) field(name, "string", "a string");
    }

    /** A boolean field. */
    public boolean bool(String name) {
        return (Boolean) field(name, "boolean", "true or false");
    }

    /** An array-of-numbers field, as doubles. */
    public double[] numbers(String name) {
        Object value = field(name, "array", "an array of numbers");
        if (value instanceof String fault) {
            throw new BadRequestException(fault);
        }
        return (double[]) value;
    }

    private Object field(String name, String type, String expected) {
        Field f = fields.get(name);
        if (f == null) {
            throw new BadRequestException("missing field \"" + name + "\"");
        }
        if (!f.type().equals(type)) {
            throw new BadRequestException(name + " must be " + expected + ", got " + f.type());
        }
        return f.value();
    }

    /** The value the parser is on; an array's first non-number is kept as the message a read will give. */
    private static Field value(JsonParser parser, String name) throws IOException {
        JsonToken token = parser.currentToken();
        if (token.isNumeric()) {
            return new Field("number", parser.getDoubleValue());
        }
        if (token == JsonToken.VALUE_STRING) {
            return new Field("string", parser.getText());
        }
        if (token.isBoolean()) {
            return new Field("boolean", token == JsonToken.VALUE_TRUE);
        }
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return new Field(typeOf(token), null);
        }
        double[] values = new double[16];
        int count = 0;
        String fault = null;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (count == MAX_VALUES) {
                throw new BadRequestException(name + " holds more than " + MAX_VALUES + " values, the most a simulation takes");
            }
            if (item.isNumeric()) {
                if (count == values.length) {
                    values = Arrays.copyOf(values, 2 * count);
                }
                values[count] = parser.getDoubleValue();
            } else {
                fault = fault != null ? fault : name + "[" + count + "] must be a number, got " + typeOf(item);
                parser.skipChildren();
            }
            count++;
        }
        return new Field("array", fault != null ? fault : Arrays.copyOf(values, count));
    }

    private static String typeOf(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> "null";
        };
    }

    /** Jackson's limit message without the name of the setting it comes from, which means nothing to a user. */
    private static String withoutSource(String message) {
        int from = message.indexOf(", from `");
        return from < 0 ? message : message.substring(0, from) + ")";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
