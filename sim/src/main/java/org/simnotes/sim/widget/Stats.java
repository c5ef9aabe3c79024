package org.simnotes.sim.widget;

/** The figures under a widget's picture, as a description list, written into the view being built. */
final class Stats {
    private final StringBuilder sb;

    Stats(StringBuilder out) {
        sb = out.append("<dl class=\"sim-stats\">");
    }

    /** {@code exact} (may be null) goes into a data attribute so the value can be read at full precision. */
    Stats add(String term, String shown, String key, String exact) {
        Html.appendEscaped(sb.append("<div><dt>"), term).append("</dt><dd");
        if (key != null) {
            sb.append(" data-stat=\"").append(key).append('"');
            if (exact != null) {
                sb.append(" data-value=\"").append(exact).append('"');
            }
        }
        Html.appendEscaped(sb.append('>'), shown).append("</dd></div>");
        return this;
    }

    void end() {
        sb.append("</dl>");
    }
}
