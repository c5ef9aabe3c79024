package org.simnotes.sim.widget;

/** The figures under a widget's picture, as a description list. */
final class Stats {
    private final StringBuilder sb = new StringBuilder("<dl class=\"sim-stats\">");

    /** {@code exact} (may be null) goes into a data attribute so the value can be read at full precision. */
    Stats add(String term, String shown, String key, String exact) {
        sb.append("<div><dt>").append(Html.escape(term)).append("</dt><dd");
        if (key != null) {
            sb.append(" data-stat=\"").append(key).append('"');
            if (exact != null) {
                sb.append(" data-value=\"").append(exact).append('"');
            }
        }
        sb.append('>').append(Html.escape(shown)).append("</dd></div>");
        return this;
    }

    String end() {
        return sb.append("</dl>").toString();
    }
}
