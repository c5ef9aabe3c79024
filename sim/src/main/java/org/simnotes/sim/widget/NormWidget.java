package org.simnotes.sim.widget;

import org.simnotes.sim.NormResult;
import org.simnotes.sim.Normalization;
import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Shapes;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * BatchNorm and LayerNorm on one batch × features grid: which cells share a mean and variance (a column
 * for BatchNorm, a row for LayerNorm), the values before and after, and what γ and β make of them. A batch
 * of 1 or 2 shows BatchNorm degenerate.
 */
public final class NormWidget implements Widget {
    static final int MODE = 0;
    static final int BATCH = 1;
    static final int FEATURES = 2;
    static final int GAMMA = 3;
    static final int BETA = 4;
    static final int CELL = 5;
    static final int SEED = 6;
    /** PyTorch's default ε, in BatchNorm and LayerNorm alike. */
    static final double EPS = 1e-5;
    static final String[] MODES = {Normalization.BATCH, Normalization.LAYER};
    private static final double C = 40;
    /** Cells of one group sit close; groups stand apart, so the grouping shows before any outline is read. */
    private static final double GAP = 2;
    private static final double GROUP_GAP = 8;
    /** Room for the row labels on the left and the column labels above. */
    private static final double LEFT = 40;
    private static final double HEAD = 40;

    private static final Param[] PARAMS = {
        Param.choice("mode", "归一化方式", MODES, new String[] {"BatchNorm（每个特征跨样本）", "LayerNorm（每个样本跨特征）"}, 0),
        Param.number("batch", "batch 大小 m", 1, 6, 1, 4),
        Param.number("features", "特征数 d", 1, 6, 1, 4),
        Param.number("gamma", "缩放 γ", 0, 3, 0.1, 1),
        Param.number("beta", "平移 β", -2, 2, 0.1, 0),
        // Counted from 1, as the readout counts samples and features.
        Param.number("cell", "查看第几个格子", 1, 36, 1, 1),
        Param.number("seed", "随机种子", 0, 999_999, 1, 5),
    };

    @Override
    public String name() {
        return "norm";
    }

    @Override
    public String caption() {
        return "切换 BatchNorm 和 LayerNorm，看哪些格子共用一组 μ、σ²；把 batch 大小 m 减到 2 和 1，再调 γ、β（本图所有特征用同一个 γ、β），看输出的均值和方差跟着变。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    @Override
    public double[] settle(double[] v) {
        v[CELL] = Math.min(v[CELL], v[BATCH] * v[FEATURES]);
        return v;
    }

    @Override
    public String limits(double[] v) {
        return "cell:" + (int) (v[BATCH] * v[FEATURES]);
    }

    /**
     * The batch, one decimal per value so a mean can be checked by eye; each feature has its own centre
     * and spread, so normalizing across features (LayerNorm) mixes scales that BatchNorm keeps apart. The
     * samples are drawn one after another, so a larger batch only adds samples below the same first ones.
     */
    static double[] input(int batch, int features, double seed) {
        SplitMix64 rng = SplitMix64.fromSeed(seed);
        double[] centre = new double[features];
        double[] spread = new double[features];
        for (int f = 0; f < features; f++) {
            centre[f] = rng.nextDouble() * 6 - 3;
            spread[f] = 0.3 + rng.nextDouble() * 1.7;
        }
        double[] x = new double[batch * features];
        for (int i = 0; i < x.length; i++) {
            int f = i % features;
            x[i] = Math.round((centre[f] + spread[f] * (rng.nextDouble() * 2 - 1)) * 10) / 10.0;
        }
        return x;
    }

    /** The core's normalization of {@link #input} with the same γ and β for every feature. */
    static NormResult run(double[] v, double[] x) {
        int features = (int) v[FEATURES];
        return Normalization.run(MODES[(int) v[MODE]], v[BATCH], features, x, filled(features, v[GAMMA]),
                filled(features, v[BETA]), EPS);
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = value;
        }
        return a;
    }

    /** The group (column for BatchNorm, row for LayerNorm) that cell {@code i} belongs to. */
    static int groupOf(boolean perFeature, int features, int i) {
        return perFeature ? i % features : i / features;
    }

    /** The mean and biased variance of each group of {@code values}, as the core computes them. */
    static double[][] groupMoments(boolean perFeature, int batch, int features, double[] values) {
        int groups = perFeature ? features : batch;
        int size = perFeature ? batch : features;
        double[] mean = new double[groups];
        double[] var = new double[groups];
        for (int i = 0; i < values.length; i++) {
            mean[groupOf(perFeature, features, i)] += values[i] / size;
        }
        for (int i = 0; i < values.length; i++) {
            int g = groupOf(perFeature, features, i);
            var[g] += (values[i] - mean[g]) * (values[i] - mean[g]) / size;
        }
        return new double[][] {mean, var};
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        boolean perFeature = v[MODE] == 0;
        int m = (int) v[BATCH];
        int d = (int) v[FEATURES];
        int cell = (int) v[CELL] - 1;
        double[] x = input(m, d, v[SEED]);
        NormResult r = run(v, x);
        double[] y = r.y();
        int group = groupOf(perFeature, d, cell);
        double[][] out = groupMoments(perFeature, m, d, y);

        sb.append("<div class=\"sim-figures\">");
        grid(sb, "归一化前 x", "input", x, 1, perFeature, m, d, r.mean(), r.var(), "μ", "σ²", group, cell, true);
        grid(sb, "归一化后 y", "output", y, 2, perFeature, m, d, out[0], out[1], "均值", "方差", group, cell, false);
        sb.append("</div>");

        int sample = cell / d;
        int feature = cell % d;
        String how = "(" + term(x[cell], 1) + " − " + term(r.mean()[group], 3) + ") / √(" + Html.fixed(r.var()[group], 3)
                + " + 10⁻⁵) × " + Html.fixed(v[GAMMA], 1) + " + " + term(v[BETA], 1) + " = " + term(y[cell], 3);
        new Stats(sb)
                .add("分组", grouping(perFeature, m, d), "groups", Integer.toString(perFeature ? d : m))
                .add("第 " + (sample + 1) + " 个样本、第 " + (feature + 1) + " 个特征", "(x − μ) / √(σ² + ε) × γ + β = " + how,
                        "y", Html.exact(y[cell]))
                .add("这一组输出的均值", Html.fixed(out[0][group], 3) + "（对照 β = " + Html.fixed(v[BETA], 1) + "）",
                        "groupMean", Html.exact(out[0][group]))
                .add("这一组输出的方差", Html.fixed(out[1][group], 3) + "（对照 γ² = " + Html.fixed(v[GAMMA] * v[GAMMA], 2) + "）",
                        "groupVar", Html.exact(out[1][group]))
                .add("说明", explanation(perFeature, m, d), "note", null)
                .end();
        Html.summary(sb, "第 " + (sample + 1) + " 个样本、第 " + (feature + 1) + " 个特征：x = " + Html.fixed(x[cell], 1)
                + "，y = " + Html.fixed(y[cell], 3) + "；这一组输出的均值 " + Html.fixed(out[0][group], 3) + "，方差 "
                + Html.fixed(out[1][group], 3));
    }

    /** A number inside a formula: a true minus sign, and in brackets when negative so that "− (−0.4)" reads right. */
    private static String term(double value, int digits) {
        String text = Html.fixed(value, digits);
        return text.startsWith("-") ? "(−" + text.substring(1) + ")" : text;
    }

    private static String grouping(boolean perFeature, int m, int d) {
        return perFeature
                ? "BatchNorm：同一列（同一特征）的 " + m + " 个样本共用一组 μ、σ²，共 " + d + " 组（虚线框）"
                : "LayerNorm：同一行（同一样本）的 " + d + " 个特征共用一组 μ、σ²，共 " + m + " 组（虚线框）";
    }

    /** What the grid shows, and how BatchNorm degenerates when the batch is too small. */
    private static String explanation(boolean perFeature, int m, int d) {
        if (perFeature && m == 1) {
            return "batch 只有 1 个样本：每个特征的均值就是这个值本身、方差为 0，x − μ 全为 0，输出全部等于 β（β = 0 时全为 0），输入的信息全部丢失。";
        }
        if (perFeature && m == 2) {
            return "batch 只有 2 个样本：每个特征的两个值减去均值后互为相反数，归一化（乘 γ 之前）后只剩约 +1 和 −1，只记下了两个样本谁大谁小。";
        }
        if (!perFeature && d == 1) {
            return "每个样本只有 1 个特征：它自己就是均值，输出全部等于 β。";
        }
        return perFeature
                ? "一个样本的输出取决于同一 batch 里的其他样本：改变 batch 大小 m，前面几个样本的输入不变，输出却跟着变。"
                : "每个样本只用自己的特征求 μ、σ²：改变 batch 大小 m，前面几个样本的输出不变。";
    }

    /**
     * One batch × features grid with its groups outlined and each group's two statistics beside it (under
     * the columns for BatchNorm, right of the rows for LayerNorm). The input grid's cells are choices, by mouse
     * or keyboard, each named with its value; the output's values follow as a table for screen readers.
     */
    private static void grid(StringBuilder sb, String title, String role, double[] values, int digits, boolean perFeature,
            int m, int d, double[] first, double[] second, String firstName, String secondName, int group, int cell,
            boolean pickable) {
        double across = C + (perFeature ? GROUP_GAP : GAP);
        double down = C + (perFeature ? GAP : GROUP_GAP);
        double statsLeft = LEFT + d * across + 4;
        double statsTop = HEAD + m * down;
        double width = perFeature ? statsLeft : statsLeft + 2 * (C + GAP);
        double height = perFeature ? statsTop + 46 : statsTop;
        Svg svg = new Svg(sb, width, height, "sim-grid", pickable ? "radiogroup" : "img",
                title + "：" + m + " 个样本 × " + d + " 个特征" + (pickable ? "，选一个格子查看它的计算" : ""),
                new Attributes().text("data-grid", role).numbers("data-values", values).numbers("data-group-mean", first)
                        .numbers("data-group-var", second).toString());
        svg.text(0, 14, "sim-title", title);
        for (int f = 0; f < d; f++) {
            svg.text(LEFT + f * across + C / 2, HEAD - 8, "cell-value faint", "特征" + (f + 1));
        }
        for (int s = 0; s < m; s++) {
            svg.text(LEFT - 6, HEAD + s * down + C / 2 + 4, "axis", "样本" + (s + 1));
        }
        double max = 0;
        for (double value : values) {
            max = Math.max(max, Math.abs(value));
        }
        Shapes cells = new Shapes(C, 0);
        for (int i = 0; i < values.length; i++) {
            double cx = LEFT + (i % d) * across;
            double cy = HEAD + (i / d) * down;
            String shade = Svg.LEVELS[max == 0 ? 0 : Svg.level(Math.abs(values[i]) / max)];
            if (pickable) {
                svg.pickRect(cx, cy, C, C, shade + (i == cell ? " pick selected" : " pick"), "cell", i + 1,
                        "样本" + (i / d + 1) + "、特征" + (i % d + 1) + "：" + Html.fixed(values[i], digits), i == cell);
            } else {
                cells.square(shade, cx, cy);
            }
        }
        cells.drawInto(svg);
        for (int i = 0; i < values.length; i++) {
            svg.text(LEFT + (i % d) * across + C / 2, HEAD + (i / d) * down + C / 2 + 4, "cell-value",
                    Html.fixed(values[i], digits));
        }
        // Every group outlined in one path, the chosen one again in the highlight colour.
        StringBuilder outline = new StringBuilder();
        int groups = perFeature ? d : m;
        for (int g = 0; g < groups; g++) {
            groupBox(outline, perFeature, g, m, d, across, down);
        }
        svg.path("group", outline);
        svg.path("window", groupBox(new StringBuilder(), perFeature, group, m, d, across, down));
        for (int g = 0; g < groups; g++) {
            if (perFeature) {
                double cx = LEFT + g * across + C / 2;
                svg.text(cx, statsTop + 16, "cell-value", Html.fixed(first[g], 2))
                        .text(cx, statsTop + 36, "cell-value", Html.fixed(second[g], 2));
            } else {
                double cy = HEAD + g * down + C / 2 + 4;
                svg.text(statsLeft + C / 2, cy, "cell-value", Html.fixed(first[g], 2))
                        .text(statsLeft + C + GAP + C / 2, cy, "cell-value", Html.fixed(second[g], 2));
            }
        }
        if (perFeature) {
            svg.text(LEFT - 6, statsTop + 16, "axis", firstName).text(LEFT - 6, statsTop + 36, "axis", secondName);
        } else {
            svg.text(statsLeft + C / 2, HEAD - 8, "cell-value faint", firstName)
                    .text(statsLeft + C + GAP + C / 2, HEAD - 8, "cell-value faint", secondName);
        }
        svg.end();
        if (!pickable) {
            Html.numbers(sb, title + " 的数值（行是样本，列是特征）", m, d, values, digits);
        }
    }

    /** The outline of group {@code g}, a column for BatchNorm or a row for LayerNorm, in the gap around it. */
    private static StringBuilder groupBox(StringBuilder d, boolean perFeature, int g, int m, int features, double across,
            double down) {
        double x = LEFT + (perFeature ? g * across : 0) - 3;
        double y = HEAD + (perFeature ? 0 : g * down) - 3;
        double w = (perFeature ? C : (features - 1) * across + C) + 6;
        double h = (perFeature ? (m - 1) * down + C : C) + 6;
        d.append('M');
        Html.appendCoord(d, x).append(' ');
        Html.appendCoord(d, y).append('h');
        Html.appendCoord(d, w).append('v');
        Html.appendCoord(d, h).append('h');
        Html.appendCoord(d, -w).append('z');
        return d;
    }
}
