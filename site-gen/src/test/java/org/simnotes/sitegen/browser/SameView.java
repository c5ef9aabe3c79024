package org.simnotes.sitegen.browser;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Compares two renderings of a widget view, as a reader would see them: the same elements, text and
 * attributes, parsed so that markup the browser writes back differently ({@code <rect/>} as
 * {@code <rect></rect>}, attributes reordered, entities) does not count. Numbers with a fraction or an
 * exponent may differ by a relative {@value #TOLERANCE}: the page's {@code Math.sin} or {@code Math.exp}
 * need not agree with the JVM's in the last bit. Whole numbers must be equal.
 */
final class SameView {
    static final double TOLERANCE = 1e-9;
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private SameView() {
    }

    /** Null when {@code actual} shows what {@code expected} does, else where and how it first differs. */
    static String difference(String expected, String actual) {
        return difference(Jsoup.parseBodyFragment(expected).body(), Jsoup.parseBodyFragment(actual).body(), "");
    }

    private static String difference(Node expected, Node actual, String path) {
        if (expected instanceof TextNode e) {
            if (!(actual instanceof TextNode a)) {
                return path + ": expected text '" + e.getWholeText() + "', got <" + actual.nodeName() + ">";
            }
            return sameText(e.getWholeText(), a.getWholeText()) ? null
                    : path + ": expected text '" + e.getWholeText() + "', got '" + a.getWholeText() + "'";
        }
        if (!expected.nodeName().equals(actual.nodeName())) {
            return path + ": expected <" + expected.nodeName() + ">, got <" + actual.nodeName() + ">";
        }
        if (expected instanceof Element) {
            String attrs = attributeDifference(attributes(expected), attributes(actual));
            if (attrs != null) {
                return path + ": " + attrs;
            }
        }
        List<Node> ek = expected.childNodes();
        List<Node> ak = actual.childNodes();
        for (int i = 0; i < Math.min(ek.size(), ak.size()); i++) {
            String d = difference(ek.get(i), ak.get(i), path + "/" + step(ek.get(i), i));
            if (d != null) {
                return d;
            }
        }
        return ek.size() == ak.size() ? null
                : path + ": expected " + ek.size() + " children, got " + ak.size() + ": " + actual.outerHtml();
    }

    /** One step of a path, e.g. {@code rect[3].bar}: the element, its position among the children, its class. */
    private static String step(Node node, int index) {
        if (node instanceof Element e) {
            return e.tagName() + "[" + index + "]" + (e.className().isEmpty() ? "" : "." + e.className().replace(' ', '.'));
        }
        return "text[" + index + "]";
    }

    private static Map<String, String> attributes(Node node) {
        Map<String, String> map = new TreeMap<>();
        for (Attribute a : node.attributes()) {
            map.put(a.getKey(), a.getValue());
        }
        return map;
    }

    private static String attributeDifference(Map<String, String> expected, Map<String, String> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            return "expected attributes " + expected.keySet() + ", got " + actual.keySet();
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!sameText(e.getValue(), actual.get(e.getKey()))) {
                return "@" + e.getKey() + ": expected '" + e.getValue() + "', got '" + actual.get(e.getKey()) + "'";
            }
        }
        return null;
    }

    /** Equal text between the numbers, as many numbers, each pair equal by {@link #sameNumber}. */
    static boolean sameText(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        Matcher e = NUMBER.matcher(expected);
        Matcher a = NUMBER.matcher(actual);
        int eAt = 0;
        int aAt = 0;
        while (e.find()) {
            if (!a.find() || !expected.substring(eAt, e.start()).equals(actual.substring(aAt, a.start()))
                    || !sameNumber(e.group(), a.group())) {
                return false;
            }
            eAt = e.end();
            aAt = a.end();
        }
        return !a.find() && expected.substring(eAt).equals(actual.substring(aAt));
    }

    /**
     * The same digits, or two numbers of which one at least has a fraction or an exponent and which lie
     * within the tolerance. Whole numbers are counts, indices and masks: a string of 64 mask bits must
     * not pass for a double that rounds it.
     */
    static boolean sameNumber(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        if (isWhole(expected) && isWhole(actual)) {
            return false;
        }
        double e = Double.parseDouble(expected);
        double a = Double.parseDouble(actual);
        return Math.abs(e - a) <= TOLERANCE * Math.max(Math.abs(e), Math.abs(a));
    }

    private static boolean isWhole(String number) {
        return number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
    }
}
