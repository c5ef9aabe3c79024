package org.simnotes.sim.widget;

/** Writes SVG markup; colours come from CSS classes so both themes apply. */
final class Svg {
    private final StringBuilder sb = new StringBuilder();

    Svg(double width, double height, String cls, String label) {
        // Natural size in CSS pixels, so small grids stay small; CSS scales wide ones down on a phone.
        String w = Html.fixed(width, 0);
        String h = Html.fixed(height, 0);
        sb.append("<svg class=\"").append(cls).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
    }

    /** A rectangle; {@code extra} is more attributes, already escaped (e.g. data attributes). */
    Svg rect(double x, double y, double w, double h, String cls, String extra) {
        sb.append("<rect x=\"").append(Html.fixed(x, 1)).append("\" y=\"").append(Html.fixed(y, 1))
                .append("\" width=\"").append(Html.fixed(w, 1)).append("\" height=\"").append(Html.fixed(h, 1))
                .append("\" class=\"").append(cls).append('"').append(extra).append("/>");
        return this;
    }

    Svg text(double x, double y, String cls, String text) {
        sb.append("<text x=\"").append(Html.fixed(x, 1)).append("\" y=\"").append(Html.fixed(y, 1))
                .append("\" class=\"").append(cls).append("\">").append(Html.escape(text)).append("</text>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cls) {
        sb.append("<line x1=\"").append(Html.fixed(x1, 1)).append("\" y1=\"").append(Html.fixed(y1, 1))
                .append("\" x2=\"").append(Html.fixed(x2, 1)).append("\" y2=\"").append(Html.fixed(y2, 1))
                .append("\" class=\"").append(cls).append("\"/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String cls) {
        sb.append("<circle cx=\"").append(Html.fixed(cx, 1)).append("\" cy=\"").append(Html.fixed(cy, 1))
                .append("\" r=\"").append(Html.fixed(r, 1)).append("\" class=\"").append(cls).append("\"/>");
        return this;
    }

    /** A group that the page can click: {@code data-key} set to {@code value}. */
    Svg openGroup(String cls, String extra) {
        sb.append("<g class=\"").append(cls).append('"').append(extra).append('>');
        return this;
    }

    Svg closeGroup() {
        sb.append("</g>");
        return this;
    }

    String end() {
        return sb.append("</svg>").toString();
    }

    static String attr(String name, String value) {
        return " " + name + "=\"" + Html.escape(value) + "\"";
    }
}
