package org.simnotes.sim.widget;

import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Svg;

/**
 * A plot of series over the steps 0, 1, 2 …: a linear or a log₁₀ vertical axis with labelled gridlines,
 * lines and bars. Each series is a group carrying its values at full precision ({@code data-values}) beside
 * its one path or its bars.
 */
final class Chart {
    private final Svg svg;
    private final double left;
    private final double top;
    private final double width;
    private final double height;
    private final int last;
    private final double lo;
    private final double hi;
    private final boolean log;

    /**
     * A plot area at ({@code left}, {@code top}) of the given size for steps 0 … {@code last}, the vertical axis
     * from {@code lo} to {@code hi} (powers of ten when {@code log}: pass {@link #decades}' bounds).
     */
    Chart(Svg svg, double left, double top, double width, double height, int last, double lo, double hi, boolean log) {
        this.svg = svg;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.last = Math.max(1, last);
        this.lo = lo;
        this.hi = hi;
        this.log = log;
    }

    /** The whole powers of ten around the positive values of every series: {lo, hi} exponents, at least one apart. */
    static double[] decades(double[]... series) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double[] values : series) {
            for (double v : values) {
                if (v > 0 && v < Double.POSITIVE_INFINITY) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
            }
        }
        if (lo > hi) {
            return new double[] {-1, 1};
        }
        lo = Math.floor(lo);
        return new double[] {lo, Math.max(lo + 1, Math.ceil(hi))};
    }

    double x(double step) {
        return left + step / last * width;
    }

    /** The height of {@code v}; on a log axis a value at or below 0 sits on the floor. */
    double y(double v) {
        double level = log ? (v > 0 ? Math.log10(v) : lo) : v;
        level = Math.max(lo, Math.min(hi, level));
        return top + height - (level - lo) / (hi - lo) * height;
    }

    /** Gridlines every {@code every} units of the axis (decades on a log axis), labelled at the left. */
    Chart grid(double every) {
        for (double e = lo; e <= hi + 1e-9; e += every) {
            double y = top + height - (e - lo) / (hi - lo) * height;
            svg.line(left, y, left + width, y, "gridline").text(left - 4, y + 4, "axis", log ? "1e" + (int) Math.round(e) : label(e));
        }
        return this;
    }

    /** The first and last step under the axis, with {@code name} before them (e.g. "t = "). */
    Chart steps(String name) {
        svg.text(left, top + height + 16, "axis start", name + "0").text(left + width, top + height + 16, "axis", name + last);
        return this;
    }

    /** The values of steps 0 … as one line. */
    Chart line(String cls, String role, double[] values) {
        svg.openGroup("series", new Attributes().text("data-series", role).numbers("data-values", values).toString());
        StringBuilder d = new StringBuilder(values.length * 12);
        for (int i = 0; i < values.length; i++) {
            d.append(i == 0 ? 'M' : 'L');
            Html.appendCoord(d, x(i)).append(' ');
            Html.appendCoord(d, y(values[i]));
        }
        svg.path(cls, d).closeGroup();
        return this;
    }

    /** The values of steps 0 … as bars from the floor, step {@code selected} (or none, −1) highlighted. */
    Chart bars(String role, double[] values, int selected) {
        svg.openGroup("series", new Attributes().text("data-series", role).numbers("data-values", values).toString());
        double bar = width / (last + 1);
        for (int i = 0; i < values.length; i++) {
            double top = y(values[i]);
            svg.rect(x(i) - bar / 2 + 1, top, Math.max(1, bar - 2), this.top + height - top + 1, i == selected ? "bar selected" : "bar", "");
        }
        svg.closeGroup();
        return this;
    }

    /**
     * A legend entry with its text baseline at {@code y}: a small square of {@code cls} when {@code box} (for
     * bars and cells), else a short stroke (for lines).
     */
    static void legend(Svg svg, double x, double y, String cls, String text, boolean box) {
        if (box) {
            svg.rect(x, y - 10, 12, 12, cls, "");
        } else {
            svg.path(cls, "M" + Html.fixed(x, 0) + " " + Html.fixed(y - 4, 0) + "h18");
        }
        svg.text(x + (box ? 18 : 24), y, "legend", text);
    }

    private static String label(double v) {
        return Html.fixed(v, v == Math.floor(v) ? 0 : 1);
    }
}
