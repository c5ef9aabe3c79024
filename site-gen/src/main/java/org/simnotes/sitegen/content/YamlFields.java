package org.simnotes.sitegen.content;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simnotes.sitegen.fault.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML mapping read with the line of every field, so a fault names the line it is on. Typed
 * getters record a problem and return {@code null} rather than throw, letting one pass over a file
 * report all its faults.
 */
final class YamlFields {
    private final Path file;
    private final int firstLine;
    private final Problems problems;
    private final Map<String, Node> fields = new LinkedHashMap<>();

    private YamlFields(Path file, int firstLine, Problems problems) {
        this.file = file;
        this.firstLine = firstLine;
        this.problems = problems;
    }

    /**
     * Parses {@code text}, whose first line is line {@code firstLine} of {@code file}. Returns null
     * (with a problem recorded) when it is not a YAML mapping.
     */
    static YamlFields parse(Path file, String text, int firstLine, Problems problems) {
        YamlFields result = new YamlFields(file, firstLine, problems);
        Node root;
        try {
            // The node graph alone, as Yaml.compose makes it, without the object constructors a Yaml instance
            // sets up first (most of the time of reading a few lines).
            LoaderOptions options = new LoaderOptions();
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? firstLine : firstLine + e.getProblemMark().getLine();
            problems.error(file, line, "malformed YAML: " + e.getProblem());
            return null;
        } catch (RuntimeException e) {
            problems.error(file, firstLine, "malformed YAML: " + e.getMessage());
            return null;
        }
        if (root == null) {
            return result;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.error(file, result.lineOf(root), "expected YAML fields (key: value), found " + kind(root));
            return null;
        }
        // Composing keeps every key, duplicates too (only constructing objects would refuse them).
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                Node first = keys.putIfAbsent(key.getValue(), key);
                if (first == null) {
                    result.fields.put(key.getValue(), tuple.getValueNode());
                } else {
                    problems.error(file, result.lineOf(key), "field '" + key.getValue() + "' is given twice (first on line "
                            + result.lineOf(first) + "): keep one");
                }
            }
        }
        return result;
    }

    int lineOf(Node node) {
        return firstLine + node.getStartMark().getLine();
    }

    /** The line a field is on, or the start of the block when it is absent. */
    int lineOf(String key) {
        Node node = fields.get(key);
        return node == null ? firstLine : lineOf(node);
    }

    /** The line to blame for a missing field: the start of the block. */
    int firstLine() {
        return firstLine;
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    String requiredString(String key) {
        Node node = fields.get(key);
        if (node == null) {
            problems.error(file, firstLine, "missing required field '" + key + "'");
            return null;
        }
        return string(key, node);
    }

    String optionalString(String key, String fallback) {
        Node node = fields.get(key);
        if (node == null) {
            return fallback;
        }
        String value = string(key, node);
        return value == null ? fallback : value;
    }

    Integer requiredInt(String key) {
        Node node = fields.get(key);
        if (node == null) {
            problems.error(file, firstLine, "missing required field '" + key + "'");
            return null;
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                return Integer.valueOf(scalar.getValue());
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        problems.error(file, lineOf(node), "field '" + key + "' must be a whole number, found " + shown(node));
        return null;
    }

    List<String> stringList(String key) {
        Node node = fields.get(key);
        if (node == null) {
            return List.of();
        }
        if (node instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                String s = string(key, item);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }
        problems.error(file, lineOf(node), "field '" + key + "' must be a list such as [a, b], found " + shown(node));
        return List.of();
    }

    private String string(String key, Node node) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            String value = scalar.getValue().strip();
            if (value.isEmpty()) {
                problems.error(file, lineOf(node), "field '" + key + "' is empty");
                return null;
            }
            return value;
        }
        problems.error(file, lineOf(node), "field '" + key + "' must be text, found " + shown(node));
        return null;
    }

    private static String shown(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getTag().equals(Tag.NULL) ? "nothing" : "'" + scalar.getValue() + "'";
        }
        return kind(node);
    }

    private static String kind(Node node) {
        return switch (node.getNodeId()) {
            case mapping -> "a mapping";
            case sequence -> "a list";
            default -> "a value";
        };
    }
}
