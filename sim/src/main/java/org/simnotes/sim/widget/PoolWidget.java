package org.simnotes.sim.widget;

import org.simnotes.sim.PoolResult;
import org.simnotes.sim.Pooling;
import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Shapes;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * Max or average pooling of a small grid of digits: the window of one output cell on the input (with
 * its zero padding), the value it chose, and the whole output.
 */
public final class PoolWidget implements Widget {
    static final int MODE = 0;
    static final int SIZE = 1;
    static final int KERNEL = 2;
    static final int STRIDE = 3;
    static final int PADDING = 4;
    static final int CELL = 5;
    static final int SEED = 6;
    private static final double C = 34;
    private static final double GAP = 2;
    private static final double TOP = 22;
    /** The output cells' classes: their shade, and whether each is the one chosen. */
    private static final String[] PICKS = Svg.levels(" pick");
    private static final String[] PICKED = Svg.levels(" pick selected");

    private static final Param[] PARAMS = {
        Param.choice("mode", "池化方式", new String[] {"max", "avg"}, new String[] {"最大池化", "平均池化"}, 0),
        Param.number("size", "输入边长", 3, 10, 1, 6),
        Param.number("kernel", "窗口 k", 1, 5, 1, 2),
        Param.number("stride", "步长 s", 1, 5, 1, 2),
        Param.number("padding", "填充 p", 0, 2, 1, 0),
        // Counted from 1, as the readout counts rows and columns.
        Param.number("cell", "查看第几个输出", 1, 144, 1, 1),
        Param.number("seed", "随机种子", 0, 999_999, 1, 7),
    };

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public String caption() {
        return "改变窗口、步长和填充，逐个查看输出格子对应的窗口，以及最大池化选中的位置。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /** PyTorch's rules: padding at most half the window, the window no larger than the padded grid. */
    @Override
    public double[] settle(double[] v) {
        v[PADDING] = Math.min(v[PADDING], Math.floor(v[KERNEL] / 2));
        v[KERNEL] = Math.min(v[KERNEL], v[SIZE] + 2 * v[PADDING]);
        v[CELL] = Math.min(v[CELL], cells(v));
        return v;
    }

    @Override
    public String limits(double[] v) {
        return "cell:" + cells(v) + ",padding:" + (int) Math.floor(v[KERNEL] / 2);
    }

    private static int cells(double[] v) {
        int out = Pooling.outputSize(v[SIZE], v[KERNEL], v[STRIDE], v[PADDING]);
        return out * out;
    }

    /** The input grid: digits 0 … 9, so a reader can check a max or an average by eye. */
    static double[] input(int size, double seed) {
        SplitMix64 rng = SplitMix64.fromSeed(seed);
        double[] x = new double[size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextIndex(10);
        }
        return x;
    }

    static PoolResult pool(double[] v, double[] x) {
        return pool(v[MODE] == 0, v[SIZE], v[SIZE], v[KERNEL], v[STRIDE], v[PADDING], x);
    }

    /** Max or average pooling, as the mode control chooses. */
    static PoolResult pool(boolean max, double height, double width, double kernel, double stride, double padding,
            double[] x) {
        return max ? Pooling.max(height, width, kernel, stride, padding, x) : Pooling.avg(height, width, kernel, stride, padding, x);
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        int size = (int) v[SIZE];
        int k = (int) v[KERNEL];
        int s = (int) v[STRIDE];
        int pad = (int) v[PADDING];
        int cell = (int) v[CELL] - 1;
        boolean max = v[MODE] == 0;
        double[] x = input(size, v[SEED]);
        PoolResult r = pool(v, x);
        int outW = r.width();
        int row = cell / outW;
        int col = cell % outW;
        int chosen = max ? r.argmax()[cell] : -1;

        // The values at full precision ride on each <svg> as lists, for tests and anyone reading the markup;
        // cells of one shade are one path, the digits of one shade one text.
        int full = size + 2 * pad;
        sb.append("<div class=\"sim-figures\">");
        Svg in = new Svg(sb, full * (C + GAP), full * (C + GAP) + TOP, "sim-grid", "输入（含填充）",
                new Attributes().text("data-grid", "input").numbers("data-values", x).toString());
        in.text(0, 14, "sim-title", pad > 0 ? "输入（虚线为补零）" : "输入");
        Shapes inCells = new Shapes(C, 0);
        for (int i = 0; i < full; i++) {
            for (int j = 0; j < full; j++) {
                int ii = i - pad;
                int jj = j - pad;
                boolean padded = ii < 0 || jj < 0 || ii >= size || jj >= size;
                double cx = j * (C + GAP);
                double cy = TOP + i * (C + GAP);
                int index = padded ? -1 : ii * size + jj;
                inCells.square(padded ? "cell padding" : Svg.LEVELS[Svg.level(x[index] / 9)], cx, cy)
                        .glyph(padded ? "cell-value faint" : "cell-value", cx + C / 2, cy + C / 2 + 4,
                                padded ? '0' : (char) ('0' + (int) x[index]));
            }
        }
        inCells.drawInto(in);
        if (max) {
            in.circle((pad + chosen % size) * (C + GAP) + C / 2, TOP + (pad + chosen / size) * (C + GAP) + C / 2, C / 2 - 3, "chosen");
        }
        in.rect(col * s * (C + GAP) - 2, TOP + row * s * (C + GAP) - 2, k * (C + GAP) + 2, k * (C + GAP) + 2, "window", "");
        in.end();
        Html.numbers(sb, "输入的数值", size, size, x, 0);

        double[] y = r.output();
        Attributes data = new Attributes().text("data-grid", "output").numbers("data-values", y);
        if (max) {
            data.ints("data-argmax", r.argmax());
        }
        Svg out = new Svg(sb, outW * (C + GAP), r.height() * (C + GAP) + TOP, "sim-grid", "radiogroup", "输出：选一个格子查看它的窗口",
                data.toString());
        out.text(0, 14, "sim-title", max ? "输出（最大池化）" : "输出（平均池化）");
        // A rect per output cell, each a choice by mouse or keyboard; max pooling's one-digit values share one text.
        // The label of each is written into one reused buffer: joined from parts, it cost the page a tenth of the view.
        Shapes digits = new Shapes(C, 0);
        StringBuilder label = new StringBuilder(24);
        for (int i = 0; i < y.length; i++) {
            double cx = (i % outW) * (C + GAP);
            double cy = TOP + (i / outW) * (C + GAP);
            label.setLength(0);
            Html.appendFixed(Html.appendInt(Html.appendInt(label.append("第 "), i / outW + 1).append(" 行第 "), i % outW + 1)
                    .append(" 列："), y[i], max ? 0 : 2);
            int level = Svg.level(y[i] / 9);
            out.pickRect(cx, cy, C, C, i == cell ? PICKED[level] : PICKS[level], "cell", i + 1, label.toString(), i == cell);
            if (max) {
                digits.glyph("cell-value", cx + C / 2, cy + C / 2 + 4, (char) ('0' + (int) y[i]));
            }
        }
        digits.drawInto(out);
        for (int i = 0; !max && i < y.length; i++) {
            out.text((i % outW) * (C + GAP) + C / 2, TOP + (i / outW) * (C + GAP) + C / 2 + 4, "cell-value", Html.fixed(y[i], 2));
        }

        out.end();
        sb.append("</div>");
        String formula = "⌊(" + size + " + 2×" + pad + " − " + k + ") / " + s + "⌋ + 1 = " + outW;
        double value = r.output()[cell];
        String how = max
                ? "窗口中最大的是 " + Html.fixed(value, 0) + "（输入第 " + (chosen / size + 1) + " 行第 " + (chosen % size + 1) + " 列，已圈出）"
                : "窗口 " + k + "×" + k + " 个格子（补的 0 也算）之和除以 " + (k * k) + "，得 " + Html.fixed(value, 2);
        new Stats(sb)
                .add("输出尺寸", formula + "，共 " + outW + "×" + r.height(), "outSize", Integer.toString(outW))
                .add("第 " + (row + 1) + " 行第 " + (col + 1) + " 列", how, "value", Html.exact(value))
                .end();
        Html.summary(sb, "输出 " + outW + "×" + r.height() + "；第 " + (row + 1) + " 行第 " + (col + 1) + " 列为 "
                + Html.fixed(value, max ? 0 : 2));
    }
}
