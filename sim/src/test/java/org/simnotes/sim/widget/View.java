package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;

/** A widget's view for a link's query, read as a learner reads it: the figures' numbers and the stats under them. */
final class View {
    private static final Widgets WIDGETS = Widgets.load(View.class.getClassLoader());
    private static final Pattern BAR_VALUE = Pattern.compile("<rect [^>]*class=\"bar[^\"]*\"[^>]*data-value=\"([^\"]+)\"");

    private final String html;

    private View(String html) {
        this.html = html;
    }

    /** The view of widget {@code name} for {@code query}, which must be read without a note. */
    static View of(String name, String query) {
        WidgetState state = WidgetState.fromQuery(WIDGETS.byName(name), query);
        assertTrue(state.notes().isEmpty(), name + "?" + query + ": " + state.notes());
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
        String exact = statMatch(key).group(1);
        assertTrue(exact != null, "stat " + key + " carries its value");
        return Double.parseDouble(exact);
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
        String[] parts = attr(markup, name).split(" ");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }
}
