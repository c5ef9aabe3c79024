package org.simnotes.sim.widget;

import org.simnotes.sim.Dropout;
import org.simnotes.sim.DropoutResult;
import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Shapes;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * Dropout on a layer of n units: the input, which units the mask keeps, and the output in either
 * convention (inverted: divide by p while training; classic: multiply by p at inference).
 */
public final class DropoutWidget implements Widget {
    static final int P = 0;
    static final int N = 1;
    static final int SEED = 2;
    static final int STYLE = 3;
    static final int PHASE = 4;
    /** The input values come from their own fixed stream, so re-sampling the mask keeps the input. */
    static final double INPUT_SEED = 20240601;
    private static final double CELL = 30;
    private static final double GAP = 2;

    private static final Param[] PARAMS = {
        Param.number("keepProb", "保留概率 p", 0.05, 1, 0.05, 0.5),
        Param.number("n", "神经元个数 n", 16, 256, 16, 64),
        Param.number("seed", "随机种子", 0, 999_999, 1, 42),
        Param.choice("style", "缩放方式", new String[] {"inverted", "classic"},
                new String[] {"反向缩放（训练时除以 p）", "经典（推理时乘以 p）"}, 0),
        Param.choice("phase", "阶段", new String[] {"train", "infer"}, new String[] {"训练", "推理"}, 0),
    };

    @Override
    public String name() {
        return "dropout";
    }

    @Override
    public String caption() {
        return "拖动保留概率 p、换一个随机种子，看哪些神经元被丢弃，输出的均值又如何在期望上保持不变（单次采样的均值会有起伏）。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /** The input vector the widget shows: values 0.1 … 1.0 in steps of 0.1. */
    static double[] input(int n) {
        SplitMix64 rng = SplitMix64.fromSeed(INPUT_SEED);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (1 + rng.nextIndex(10)) / 10.0;
        }
        return x;
    }

    /** The output for the chosen convention and phase. */
    static double[] output(double[] values, double[] x, DropoutResult r) {
        boolean train = values[PHASE] == 0;
        if (values[STYLE] == 0) {
            return train ? r.invertedTrain() : x;
        }
        return train ? r.classicTrain() : r.classicInference();
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        int n = (int) v[N];
        double p = v[P];
        boolean train = v[PHASE] == 0;
        double[] x = input(n);
        DropoutResult r = Dropout.apply(n, p, v[SEED], x);
        double[] y = output(v, x, r);
        int[] mask = r.mask();
        int cols = n <= 64 ? 8 : 16;
        boolean labels = cols == 8;

        sb.append("<div class=\"sim-figures\">");
        grid(sb, "输入 x", x, null, cols, labels, "input");
        grid(sb, train ? "输出 y（训练）" : "输出 y（推理）", y, train ? mask : null, cols, labels, "output");
        sb.append("</div>");

        int kept = 0;
        for (int m : mask) {
            kept += m;
        }
        double meanX = mean(x);
        double meanY = mean(y);
        new Stats(sb)
                .add("本次保留", train ? kept + " / " + n + "（比例 " + Html.fixed((double) kept / n, 2) + "，p = "
                        + Html.fixed(p, 2) + "）" : "推理时不丢弃", "kept", train ? Integer.toString(kept) : null)
                .add("输入均值", Html.fixed(meanX, 3), "meanInput", Html.exact(meanX))
                .add("输出均值", Html.fixed(meanY, 3), "meanOutput", Html.exact(meanY))
                .add("说明", explanation(v[STYLE] == 0, train), null, null)
                .end();
        Html.summary(sb, "保留概率 p = " + Html.fixed(p, 2) + "：" + (train ? "保留 " + kept + " 个，丢弃 " + (n - kept) + " 个，"
                : "推理时不丢弃，") + "输出均值 " + Html.fixed(meanY, 3));
    }

    private static String explanation(boolean inverted, boolean train) {
        if (inverted) {
            return train ? "训练时保留的值除以 p，输出的期望与输入相同，推理时无需改动。"
                    : "推理时不丢弃也不缩放，直接输出 x。";
        }
        return train ? "训练时只丢弃、不缩放，输出的期望是 p·x。"
                : "推理时不丢弃，把输出乘以 p，与训练时的期望一致。";
    }

    /**
     * One grid of units. The values at full precision (and the mask) ride on the {@code <svg>} as lists,
     * for tests and for anyone reading the markup; the cells of one shade are one path.
     */
    private static void grid(StringBuilder out, String title, double[] values, int[] mask, int cols, boolean labels, String role) {
        int rows = (values.length + cols - 1) / cols;
        double size = labels ? CELL : CELL / 2;
        double w = cols * (size + GAP);
        double max = 0;
        for (double value : values) {
            max = Math.max(max, Math.abs(value));
        }
        Attributes data = new Attributes().text("data-grid", role).numbers("data-values", values);
        if (mask != null) {
            data.raw("data-kept", bits(mask));
        }
        Svg svg = new Svg(out, w, rows * (size + GAP) + 22, "sim-grid", title, data.toString());
        svg.text(0, 14, "sim-title", title);
        Shapes cells = new Shapes(size, 6);
        for (int i = 0; i < values.length; i++) {
            double cx = (i % cols) * (size + GAP);
            double cy = 22 + (i / cols) * (size + GAP);
            if (mask != null && mask[i] == 0) {
                cells.square("cell dropped", cx, cy).cross("cross", cx, cy);
            } else {
                cells.square(Svg.LEVELS[max == 0 ? 0 : Svg.level(Math.abs(values[i]) / max)], cx, cy);
            }
        }
        cells.drawInto(svg);
        for (int i = 0; labels && i < values.length; i++) {
            if (mask == null || mask[i] == 1) {
                svg.text((i % cols) * (size + GAP) + size / 2, 22 + (i / cols) * (size + GAP) + size / 2 + 4, "cell-value",
                        Html.fixed(values[i], values[i] == Math.floor(values[i] * 10) / 10 ? 1 : 2));
            }
        }
        svg.end();
        // n is a multiple of 16, so the rows are full.
        Html.numbers(out, title + " 的数值" + (mask == null ? "" : "（丢弃的为 0）"), rows, cols, values, 2);
    }

    /** The mask as a string of 0s and 1s. */
    private static String bits(int[] mask) {
        StringBuilder sb = new StringBuilder(mask.length);
        for (int m : mask) {
            sb.append(m == 0 ? '0' : '1');
        }
        return sb.toString();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
