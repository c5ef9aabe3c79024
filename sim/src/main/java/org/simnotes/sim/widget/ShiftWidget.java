package org.simnotes.sim.widget;

import org.simnotes.sim.PoolResult;
import org.simnotes.sim.Pooling;
import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Shapes;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * A small pattern shifted right pixel by pixel, pooled before and after: which output cells change,
 * whether the output is just the old one moved (a sliding window is translation-equivariant when the
 * shift is a whole number of strides), and whether a global pooling on top stays the same.
 */
public final class ShiftWidget implements Widget {
    static final int MODE = 0;
    static final int KERNEL = 1;
    static final int STRIDE = 2;
    static final int SHIFT = 3;
    static final int SEED = 4;
    static final int HEIGHT = 5;
    static final int WIDTH = 12;
    /**
     * The 3×3 pattern starts at row 1, column 3: with a window of at most 4, the output columns that a shift
     * brings in from the left see only background, and at a shift of 4 the pattern still lies inside every
     * window layout's reach on the right, so "the old output moved right" is well defined.
     */
    static final int PATTERN_ROW = 1;
    static final int PATTERN_COLUMN = 3;
    static final int PATTERN = 3;
    private static final double C = 20;
    private static final double OUT = 34;
    private static final double GAP = 2;
    private static final double TOP = 22;

    private static final Param[] PARAMS = {
        Param.choice("mode", "池化方式", new String[] {"max", "avg"}, new String[] {"最大池化", "平均池化"}, 0),
        Param.number("kernel", "窗口 k", 1, 4, 1, 2),
        Param.number("stride", "步长 s", 1, 4, 1, 2),
        Param.number("shift", "右移 d 格", 0, 4, 1, 1),
        Param.number("seed", "随机种子", 0, 999_999, 1, 3),
    };

    @Override
    public String name() {
        return "shift";
    }

    @Override
    public String caption() {
        return "把图案一格一格右移，看池化输出里哪些格子变了（橙框）；再把步长 s 改成 1，或让右移格数 d 是 s 的整数倍，看输出是否只是整体平移。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /** A HEIGHT × WIDTH grid of zeros holding the seed's 3×3 pattern of digits 1 … 9, moved {@code shift} columns right. */
    static double[] input(double seed, int shift) {
        SplitMix64 rng = SplitMix64.fromSeed(seed);
        double[] x = new double[HEIGHT * WIDTH];
        for (int i = 0; i < PATTERN * PATTERN; i++) {
            int row = PATTERN_ROW + i / PATTERN;
            int column = PATTERN_COLUMN + shift + i % PATTERN;
            x[row * WIDTH + column] = 1 + rng.nextIndex(9);
        }
        return x;
    }

    static PoolResult pool(double[] v, double[] x) {
        return PoolWidget.pool(v[MODE] == 0, HEIGHT, WIDTH, v[KERNEL], v[STRIDE], 0, x);
    }

    /** Which cells of {@code after} differ from {@code before}, as 0s and 1s. */
    static int[] changed(double[] before, double[] after) {
        int[] c = new int[after.length];
        for (int i = 0; i < after.length; i++) {
            c[i] = before[i] == after[i] ? 0 : 1;
        }
        return c;
    }

    /**
     * Whether {@code after} is {@code before} moved {@code columns} to the right, the columns it brings in
     * holding the background's 0.
     */
    static boolean movedBy(PoolResult before, double[] after, int columns) {
        int w = before.width();
        double[] b = before.output();
        for (int i = 0; i < after.length; i++) {
            int column = i % w;
            if (after[i] != (column >= columns ? b[i - columns] : 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        boolean max = v[MODE] == 0;
        int stride = (int) v[STRIDE];
        int shift = (int) v[SHIFT];
        double[] x0 = input(v[SEED], 0);
        double[] x1 = input(v[SEED], shift);
        PoolResult r0 = pool(v, x0);
        PoolResult r1 = pool(v, x1);
        int[] changed = changed(r0.output(), r1.output());
        int same = 0;
        for (int c : changed) {
            same += 1 - c;
        }
        String pooled = max ? "最大池化" : "平均池化";

        sb.append("<div class=\"sim-figures\">");
        inputGrid(sb, "原图", x0, "input");
        outputGrid(sb, "原图" + pooled, r0, null, "output");
        inputGrid(sb, "右移 " + shift + " 格", x1, "shifted");
        outputGrid(sb, "右移后" + pooled + "（橙框：变了）", r1, changed, "shiftedOutput");
        sb.append("</div>");

        double g0 = global(max, r0);
        double g1 = global(max, r1);
        int digits = max ? 0 : 3;
        new Stats(sb)
                .add("输出中没变的格子", same + " / " + changed.length, "same", Integer.toString(same)).brief()
                .add("与原输出相比", relation(r0, r1.output(), shift, stride), "relation", null)
                .add("再做全局" + pooled, "原图 " + Html.fixed(g0, digits) + "，右移后 " + Html.fixed(g1, digits)
                        + (g0 == g1 ? "（不变）" : "（变了）"), "global", Html.exact(g1)).brief()
                .end();
    }

    private static double global(boolean max, PoolResult r) {
        return (max ? Pooling.globalMax(r.height(), r.width(), r.output())
                : Pooling.globalAvg(r.height(), r.width(), r.output())).output()[0];
    }

    private static String relation(PoolResult r0, double[] after, int shift, int stride) {
        if (shift == 0) {
            return "没有平移，输出相同";
        }
        if (shift % stride != 0) {
            return "右移 " + shift + " 格不是步长 " + stride + " 的整数倍：输出不是原输出的整格平移，只有部分格子没变";
        }
        int columns = shift / stride;
        return movedBy(r0, after, columns)
                ? "正好是原输出整体右移 " + columns + " 格：平移被原样保留（等变），而不是消失（不变）"
                : "不是原输出整体右移 " + columns + " 格";
    }

    /** The input: every cell shaded by its digit, the pattern's digits written in. */
    private static void inputGrid(StringBuilder sb, String title, double[] x, String role) {
        double pitch = C + GAP;
        Svg svg = new Svg(sb, WIDTH * pitch, HEIGHT * pitch + TOP, "sim-grid", title,
                new Attributes().text("data-grid", role).numbers("data-values", x).toString());
        svg.text(0, 14, "sim-title", title);
        Shapes cells = new Shapes(C, 0);
        for (int i = 0; i < x.length; i++) {
            double cx = (i % WIDTH) * pitch;
            double cy = TOP + (i / WIDTH) * pitch;
            cells.square(Svg.LEVELS[Svg.level(x[i] / 9)], cx, cy);
            if (x[i] != 0) {
                cells.glyph("cell-value", cx + C / 2, cy + C / 2 + 4, (char) ('0' + (int) x[i]));
            }
        }
        cells.drawInto(svg);
        svg.end();
        Html.numbers(sb, title + " 的数值", HEIGHT, WIDTH, x, 0);
    }

    /** A pooled output, each value written (a whole digit as one glyph), the changed cells outlined. */
    private static void outputGrid(StringBuilder sb, String title, PoolResult r, int[] changed, String role) {
        double pitch = OUT + GAP;
        int w = r.width();
        double[] y = r.output();
        Attributes data = new Attributes().text("data-grid", role).numbers("data-values", y);
        if (changed != null) {
            data.ints("data-changed", changed);
        }
        Svg svg = new Svg(sb, Math.max(w * pitch, 180), r.height() * pitch + TOP, "sim-grid", title, data.toString());
        svg.text(0, 14, "sim-title", title);
        Shapes cells = new Shapes(OUT, 0);
        // Outlines of their own, drawn after every shade so that no later cell covers them.
        Shapes marks = new Shapes(OUT, 0);
        for (int i = 0; i < y.length; i++) {
            double cx = (i % w) * pitch;
            double cy = TOP + (i / w) * pitch;
            cells.square(Svg.LEVELS[Svg.level(y[i] / 9)], cx, cy);
            if (changed != null && changed[i] == 1) {
                marks.square("changed", cx, cy);
            }
            if (y[i] == Math.floor(y[i])) {
                cells.glyph("cell-value", cx + OUT / 2, cy + OUT / 2 + 4, (char) ('0' + (int) y[i]));
            }
        }
        cells.drawInto(svg);
        marks.drawInto(svg);
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.floor(y[i])) {
                svg.text((i % w) * pitch + OUT / 2, TOP + (i / w) * pitch + OUT / 2 + 4, "cell-value", Html.fixed(y[i], 2));
            }
        }
        svg.end();
        Html.numbers(sb, title + " 的数值", r.height(), w, y, 2);
    }
}
