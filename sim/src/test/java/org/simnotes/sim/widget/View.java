package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.WidgetState;

/** A widget's view for a link, and the numbers its markup carries, read as a test or a screen reader would. */
final class View {
    final String html;

    private View(String html) {
        this.html = html;
    }

    /** The view {@code widget} shows for the link's {@code query}, which must be valid. */
    static View of(Widget widget, String query) {
        WidgetState state = WidgetState.fromQuery(widget, query);
        assertTrue(state.notes().isEmpty(), query + ": " + state.notes());
        return new View(state.render());
    }

    /** Attribute {@code name} of the first element that has it after the marker {@code after} (or from the start). */
    String attr(String after, String name) {
        int from = after == null ? 0 : html.indexOf(after);
        assertTrue(from >= 0, "the view has " + after);
        Matcher m = Pattern.compile(" " + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(from), "the view has " + name + " after " + after);
        return m.group(1);
    }

    /** The values of the table or series named {@code role} ({@code data-grid} or {@code data-series}). */
    double[] values(String role) {
        int at = html.indexOf("data-grid=\"" + role + "\"");
        String marker = at >= 0 ? "data-grid=\"" + role + "\"" : "data-series=\"" + role + "\"";
        return numbers(attr(marker, "data-values"));
    }

    /** The full-precision value of the figure {@code key} under the picture. */
    String stat(String key) {
        return attr("data-stat=\"" + key + "\"", "data-value");
    }

    /** How often {@code part} occurs. */
    int count(String part) {
        return html.split(Pattern.quote(part), -1).length - 1;
    }

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
