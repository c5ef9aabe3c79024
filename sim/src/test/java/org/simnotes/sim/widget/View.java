package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;

/** A widget's view for a link's query, read as a learner reads it: the figures' numbers and the stats under them. */
final class View {
    private static final Widgets WIDGETS = Widgets.load(View.class.getClassLoader());
    private static final Pattern BAR_VALUE = Pattern.compile("<rect [^>]*class=\"bar[^\"]*\"[^>]*data-value=\"([^\"]+)\"");

    final String html;

    private View(String html) {
        this.html = html;
    }

    /** The view of widget {@code name} for {@code query}, which must be read without a note. */
    static View of(String name, String query) {
        return of(WIDGETS.byName(name), query);
    }

    /** The view {@code widget} shows for the link's {@code query}, which must be read without a note. */
    static View of(Widget widget, String query) {
        WidgetState state = WidgetState.fromQuery(widget, query);
        assertTrue(state.notes().isEmpty(), widget.name() + "?" + query + ": " + state.notes());
        return new View(state.render());
    }

    String html() {
        return html;
    }

    /** The text shown for stat {@code key}. */
    String stat(String key) {
        return statMatch(key).group(2);
    }

    /** The full-precision value of stat {@code key}. */
    double statValue(String key) {
        return Double.parseDouble(statExact(key));
    }

    /** The full-precision value of stat {@code key}, as written. */
    String statExact(String key) {
        String exact = statMatch(key).group(1);
        assertTrue(exact != null, "stat " + key + " carries its value");
        return exact;
    }

    /** Whether stat {@code key} carries a full-precision value. */
    boolean hasStatValue(String key) {
        return statMatch(key).group(1) != null;
    }

    private Matcher statMatch(String key) {
        Matcher m = Pattern.compile("data-stat=\"" + key + "\"(?: data-value=\"([^\"]*)\")?>([^<]*)</dd>").matcher(html);
        assertTrue(m.find(), "the view shows stat " + key);
        return m;
    }

    /** The markup of the first {@code <svg>} carrying {@code attribute} (e.g. {@code data-net="plain"}). */
    String svg(String attribute) {
        int at = html.indexOf(attribute);
        assertTrue(at >= 0, "the view has an <svg " + attribute + ">");
        int start = html.lastIndexOf("<svg", at);
        return html.substring(start, html.indexOf("</svg>", at) + 6);
    }

    /** The values the bars of {@code svg} carry at full precision, in order. */
    static double[] bars(String svg) {
        List<Double> values = new ArrayList<>();
        Matcher m = BAR_VALUE.matcher(svg);
        while (m.find()) {
            values.add(Double.parseDouble(m.group(1)));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The numbers of attribute {@code name} on the grid {@code <svg data-grid="grid">}. */
    double[] grid(String grid, String name) {
        return list(svg("data-grid=\"" + grid + "\""), name);
    }

    /** The values of the table or series named {@code role} ({@code data-grid} or {@code data-series}). */
    double[] values(String role) {
        String marker = html.contains("data-grid=\"" + role + "\"") ? "data-grid=\"" + role + "\"" : "data-series=\"" + role + "\"";
        return numbers(attrAfter(marker, "data-values"));
    }

    /** Attribute {@code name} of the first element that has it after the marker {@code after} (or from the start). */
    String attrAfter(String after, String name) {
        int from = after == null ? 0 : html.indexOf(after);
        assertTrue(from >= 0, "the view has " + after);
        Matcher m = Pattern.compile(" " + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(from), "the view has " + name + " after " + after);
        return m.group(1);
    }

    /** How many times {@code part} occurs in the view. */
    int count(String part) {
        return html.split(Pattern.quote(part), -1).length - 1;
    }

    /** The value of the first attribute {@code name} in {@code markup}. */
    static String attr(String markup, String name) {
        Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(markup);
        assertTrue(m.find(), "the markup carries " + name);
        return m.group(1);
    }

    /** The space-separated numbers of attribute {@code name} in {@code markup}. */
    static double[] list(String markup, String name) {
        return numbers(attr(markup, name));
    }

    /** Space-separated numbers; none for an empty list. */
    static double[] numbers(String list) {
        if (list.isEmpty()) {
            return new double[0];
        }
        String[] parts = list.split(" ");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }

    static int[] ints(String list) {
        double[] d = numbers(list);
        int[] values = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            values[i] = (int) d[i];
        }
        return values;
    }
}
