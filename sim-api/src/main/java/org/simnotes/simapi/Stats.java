package org.simnotes.simapi;

/** The figures under a widget's picture, as a description list, written into the view being built. */
public final class Stats {
    private final StringBuilder sb;
    private final StringBuilder brief = new StringBuilder();
    private String lastTerm = "";
    private String lastShown = "";

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
        lastTerm = term;
        lastShown = shown;
        return this;
    }

    /**
     * Makes the figure just added part of the sentence a screen reader announces after a change
     * ({@link Html#summary}), so a reader hears the result without the whole list again.
     */
    public Stats brief() {
        brief.append(brief.length() == 0 ? "" : "；").append(lastTerm).append("：").append(lastShown);
        return this;
    }

    /** Closes the list (and writes the summary of the figures marked {@link #brief}); call once, after the last figure. */
    public void end() {
        sb.append("</dl>");
        if (brief.length() > 0) {
            Html.summary(sb, brief.toString());
        }
    }
}
