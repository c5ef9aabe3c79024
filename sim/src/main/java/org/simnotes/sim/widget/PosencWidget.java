package org.simnotes.sim.widget;

import org.simnotes.sim.PositionalEncoding;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * The Transformer's sinusoidal positional encoding: the whole table (a column per position, a row per
 * dimension) and, for one pair of dimensions 2i and 2i+1, its sine and cosine along the positions.
 */
public final class PosencWidget implements Widget {
    static final int N = 0;
    static final int D = 1;
    static final int PAIR = 2;
    private static final double CELL = 12;
    private static final double LABELS = 22;

    private static final Param[] PARAMS = {
        Param.number("n", "位置数 n", 4, 32, 1, 32),
        Param.number("d", "编码维度 d", 4, 16, 2, 16),
        Param.number("pair", "查看第 i 对维度（2i 与 2i+1）", 0, 7, 1, 1),
    };

    @Override
    public String name() {
        return "posenc";
    }

    @Override
    public String caption() {
        return "每一列是一个位置的编码向量。拖动 i 比较各对维度：i 越大，正余弦的周期越长，变化越慢。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    @Override
    public double[] settle(double[] v) {
        v[PAIR] = Math.min(v[PAIR], v[D] / 2 - 1);
        return v;
    }

    @Override
    public String limits(double[] v) {
        return "pair:" + (int) (v[D] / 2 - 1);
    }

    /** The table with a row per dimension and a column per position: the core's rows are positions. */
    static double[] byDimension(double[] pe, int n, int d) {
        double[] t = new double[d * n];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < d; k++) {
                t[k * n + p] = pe[p * d + k];
            }
        }
        return t;
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        int n = (int) v[N];
        int d = (int) v[D];
        int pair = (int) v[PAIR];
        double[] table = byDimension(PositionalEncoding.encode(n, d), n, d);
        String[] dims = new String[d];
        // Rows are too low for a label each: the first of each pair, 2i, is labelled.
        for (int k = 0; k < d; k += 2) {
            dims[k] = Integer.toString(k);
        }
        String[] positions = new String[n];
        for (int p = 0; p < n; p += 4) {
            positions[p] = Integer.toString(p);
        }
        sb.append("<div class=\"sim-figures\">");
        new Heatmap("encoding", d, n, table).cell(CELL, CELL).signed().labels(dims, LABELS, positions)
                .outlineRows(2 * pair, 2).figure(sb, "PE：行是维度，列是位置 p");

        double[] sin = new double[n];
        double[] cos = new double[n];
        System.arraycopy(table, 2 * pair * n, sin, 0, n);
        System.arraycopy(table, (2 * pair + 1) * n, cos, 0, n);
        double width = LABELS + n * CELL;
        Svg svg = new Svg(sb, Math.max(width, 240), 150, "sim-chart", "第 " + pair + " 对维度沿位置的取值", "");
        svg.text(0, 14, "sim-title", "维度 " + 2 * pair + "（sin）与 " + (2 * pair + 1) + "（cos）");
        new Chart(svg, LABELS + CELL / 2, 30, (n - 1) * CELL, 80, n - 1, -1, 1, false).grid(1).steps("p = ")
                .line("curve", "sin", sin).line("curve second", "cos", cos);
        Chart.legend(svg, LABELS, 144, "curve", "sin", false);
        Chart.legend(svg, LABELS + 70, 144, "curve second", "cos", false);
        svg.end();
        sb.append("</div>");

        double wavelength = 2 * Math.PI * Math.pow(10000, 2.0 * pair / d);
        new Stats(sb)
                .add("第 " + pair + " 对的波长", "2π · 10000^(" + 2 * pair + "/" + d + ") = " + Html.fixed(wavelength, 1) + " 个位置",
                        "wavelength", Html.exact(wavelength)).brief()
                .add("公式", "PE(p, 2i) = sin(p / 10000^(2i/d))，PE(p, 2i+1) = cos(p / 10000^(2i/d))", null, null)
                .end();
    }
}
