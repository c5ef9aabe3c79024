package org.simnotes.sim.widget;

import org.simnotes.simapi.Html;
import org.simnotes.simapi.Svg;

/**
 * Gradient norms as bars on a log scale, one bar per layer or time step, and the verdict a ratio of two norms
 * earns: the views of the RNN and of the deep networks draw and judge them alike.
 */
final class GradientChart {
    /** A chart 330 units wide keeps its axis labels legible on a 360 px phone. */
    private static final double WIDTH = 330;
    private static final double HEIGHT = 180;
    private static final double LEFT = 40;
    /** Below 1/100 or above 100 the gradient has shrunk or grown by two orders of magnitude. */
    private static final double VANISHED = 0.01;
    private static final double EXPLODED = 100;

    private GradientChart() {
    }

    /**
     * The powers of ten, {lo, hi}, that bound every positive finite value of {@code a} and {@code b} ({@code b}
     * may be null): charts drawn side by side over one range can be compared bar by bar.
     */
    static double[] range(double[] a, double[] b) {
        double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE};
        widen(r, a);
        if (b != null) {
            widen(r, b);
        }
        if (r[0] > r[1]) {
            r[0] = -1;
            r[1] = 1;
        }
        r[0] = Math.floor(r[0]);
        r[1] = Math.max(r[0] + 1, Math.ceil(r[1]));
        return r;
    }

    private static void widen(double[] r, double[] values) {
        for (double value : values) {
            if (value > 0 && !Double.isInfinite(value)) {
                r[0] = Math.min(r[0], Math.log10(value));
                r[1] = Math.max(r[1], Math.log10(value));
            }
        }
    }

    /**
     * Bars of log₁₀ of each value in {@code g} over {@code range}, with a tick at every power of ten in range; bar
     * {@code i} carries {@code data-<indexKey>="i"} and its value at full precision. {@code selected} is the bar
     * to highlight, or −1; {@code first} and {@code last} label the two ends of the axis.
     */
    static void bars(StringBuilder out, String title, String label, double[] g, int selected, double[] range,
            String indexKey, String first, String last, String extra) {
        double lo = range[0];
        double hi = range[1];
        double plot = HEIGHT - 30;
        double bar = (WIDTH - LEFT) / g.length;
        Svg svg = new Svg(out, WIDTH, HEIGHT + 24, "sim-chart", label, extra);
        svg.text(0, 14, "sim-title", title);
        int every = (int) Math.ceil((hi - lo) / 6);
        for (double e = lo; e <= hi; e += every) {
            double y = 24 + plot - (e - lo) / (hi - lo) * plot;
            svg.line(LEFT, y, WIDTH, y, "gridline").text(LEFT - 6, y + 4, "axis", "1e" + (int) e);
        }
        StringBuilder data = new StringBuilder(48);
        for (int i = 0; i < g.length; i++) {
            double level = g[i] > 0 ? Math.min(hi, Math.log10(g[i])) : lo;
            double top = 24 + plot - (level - lo) / (hi - lo) * plot;
            // The bar's two data attributes written in one buffer, not joined from four strings.
            data.setLength(0);
            Html.appendInt(data.append(" data-").append(indexKey).append("=\""), i).append("\" data-value=\"");
            Html.appendExact(data, g[i]).append('"');
            svg.rect(LEFT + i * bar + 1, top, Math.max(1, bar - 2), 24 + plot - top + 1, i == selected ? "bar selected" : "bar",
                    data.toString());
        }
        svg.text(LEFT, HEIGHT + 20, "axis start", first).text(WIDTH, HEIGHT + 20, "axis end", last);
        svg.end();
    }

    /** The ratio of the first gradient norm to the last as shown, with 梯度消失 or 梯度爆炸 past two orders of magnitude. */
    static String verdict(double ratio) {
        return Html.sci(ratio) + (ratio < VANISHED ? "：梯度消失" : ratio > EXPLODED ? "：梯度爆炸" : "");
    }

    /** {@code n} in subscript digits, as in h₂₀. */
    static String sub(int n) {
        String digits = Integer.toString(n);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            sb.append((char) ('₀' + (digits.charAt(i) - '0')));
        }
        return sb.toString();
    }
}
