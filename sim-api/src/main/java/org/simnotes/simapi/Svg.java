package org.simnotes.simapi;

/**
 * Writes SVG markup into the view being built (one buffer for the whole view: each copy of the markup
 * into another string cost the page's compiled code more than the JVM); colours come from CSS classes so
 * both themes apply.
 */
public final class Svg {
    /** A cell's class for its shade, 0 (empty) to 4 (full). */
    public static final String[] LEVELS = {"cell level-0", "cell level-1", "cell level-2", "cell level-3", "cell level-4"};

    private final StringBuilder sb;

    /** {@code extra} is more attributes of the {@code <svg>}, already escaped (e.g. data attributes). */
    public Svg(StringBuilder out, double width, double height, String cls, String label, String extra) {
        this(out, width, height, cls, "img", label, extra);
    }

    /**
     * A figure with the ARIA {@code role} given: {@code img} for a picture, {@code radiogroup} for one whose
     * shapes a reader chooses among (see {@link #pick}), since an image may hold nothing operable.
     */
    public Svg(StringBuilder out, double width, double height, String cls, String role, String label, String extra) {
        sb = out;
        // Natural size in CSS pixels, so small grids stay small; CSS scales wide ones down on a phone.
        String w = Html.fixed(width, 0);
        String h = Html.fixed(height, 0);
        sb.append("<svg class=\"").append(cls).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" role=\"").append(role).append("\" aria-label=\"");
        Html.appendEscaped(sb, label).append('"').append(extra).append('>');
    }

    /** A rectangle; {@code extra} is more attributes, already escaped (e.g. data attributes). */
    public Svg rect(double x, double y, double w, double h, String cls, String extra) {
        sb.append("<rect x=\"");
        Html.appendCoord(sb, x).append("\" y=\"");
        Html.appendCoord(sb, y).append("\" width=\"");
        Html.appendCoord(sb, w).append("\" height=\"");
        Html.appendCoord(sb, h).append("\" class=\"").append(cls).append('"').append(extra).append("/>");
        return this;
    }

    /** The text {@code text} (escaped here) anchored at ({@code x}, {@code y}). */
    public Svg text(double x, double y, String cls, String text) {
        sb.append("<text x=\"");
        Html.appendCoord(sb, x).append("\" y=\"");
        Html.appendCoord(sb, y).append("\" class=\"").append(cls).append("\">");
        Html.appendEscaped(sb, text).append("</text>");
        return this;
    }

    /** A line from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}). */
    public Svg line(double x1, double y1, double x2, double y2, String cls) {
        sb.append("<line x1=\"");
        Html.appendCoord(sb, x1).append("\" y1=\"");
        Html.appendCoord(sb, y1).append("\" x2=\"");
        Html.appendCoord(sb, x2).append("\" y2=\"");
        Html.appendCoord(sb, y2).append("\" class=\"").append(cls).append("\"/>");
        return this;
    }

    /** A circle of radius {@code r} centred on ({@code cx}, {@code cy}). */
    public Svg circle(double cx, double cy, double r, String cls) {
        sb.append("<circle cx=\"");
        Html.appendCoord(sb, cx).append("\" cy=\"");
        Html.appendCoord(sb, cy).append("\" r=\"");
        Html.appendCoord(sb, r).append("\" class=\"").append(cls).append("\"/>");
        return this;
    }

    /** A path whose outline {@code d} was written by {@link Shapes}. */
    public Svg path(String cls, CharSequence d) {
        sb.append("<path class=\"").append(cls).append("\" d=\"").append(d).append("\"/>");
        return this;
    }

    /** One text whose characters sit at the positions listed in {@code xs} and {@code ys}. */
    public Svg glyphs(String cls, CharSequence xs, CharSequence ys, String text) {
        sb.append("<text class=\"").append(cls).append("\" x=\"").append(xs).append("\" y=\"").append(ys).append("\">")
                .append(text).append("</text>");
        return this;
    }

    /** Opens a group of shapes; {@code extra} is more attributes, already escaped (e.g. a {@code data-key} the page reads on a click). */
    public Svg openGroup(String cls, String extra) {
        sb.append("<g class=\"").append(cls).append('"').append(extra).append('>');
        return this;
    }

    /** Closes the group last opened. */
    public Svg closeGroup() {
        sb.append("</g>");
        return this;
    }

    /** Closes the {@code <svg>}; call once, after the last shape. */
    public void end() {
        sb.append("</svg>");
    }

    /**
     * The attributes that make a shape one choice of a {@code radiogroup} figure: the page sets {@code key}
     * to {@code value} when it is clicked, or focused and chosen by Enter, Space or an arrow key. Only the
     * chosen one takes focus, so a large grid is one tab stop (an arrow key moves the choice and the focus
     * with it); {@code label} is what a screen reader says.
     */
    public static String pick(String key, int value, String label, boolean chosen) {
        return rawAttr("data-pick", key + ":" + value) + rawAttr("role", "radio") + attr("aria-label", label)
                + (chosen ? " aria-checked=\"true\" tabindex=\"0\"" : " aria-checked=\"false\"");
    }

    /** The attribute {@code name="value"} with a leading space, {@code value} escaped. */
    public static String attr(String name, String value) {
        return rawAttr(name, Html.escape(value));
    }

    /** An attribute whose value needs no escaping (numbers, written by the widget itself). */
    public static String rawAttr(String name, String value) {
        return " " + name + "=\"" + value + "\"";
    }
}
