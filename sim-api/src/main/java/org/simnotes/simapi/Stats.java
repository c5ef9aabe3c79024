package org.simnotes.simapi;

/** The figures under a widget's picture, as a description list, written into the view being built. */
public final class Stats {
    private final StringBuilder sb;

    /** Opens the list in {@code out}. */
    public Stats(StringBuilder out) {
        sb = out.append("<dl class=\"sim-stats\">");
    }

    /** {@code exact} (may be null) goes into a data attribute so the value can be read at full precision. */
    public Stats add(String term, String shown, String key, String exact) {
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

    /** Closes the list; call once, after the last figure. */
    public void end() {
        sb.append("</dl>");
    }
}
