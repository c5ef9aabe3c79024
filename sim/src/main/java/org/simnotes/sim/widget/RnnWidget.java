package org.simnotes.sim.widget;

import org.simnotes.sim.RnnResult;
import org.simnotes.sim.RnnUnroll;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * An Elman RNN unrolled over T steps, with the norm of ∂L/∂h_t for every t on a log scale. W_hh is ρ times an
 * orthogonal matrix: without an activation each step back multiplies the gradient by ρ, so it vanishes below 1
 * and explodes above; tanh′ ≤ 1 and ReLU′ ∈ {0, 1} can only shrink it further.
 */
public final class RnnWidget implements Widget {
    static final int STEPS = 0;
    static final int SCALE = 1;
    static final int ACTIVATION = 2;
    static final int HIDDEN = 3;
    static final int STEP = 4;
    static final int SEED = 5;
    static final int INPUT = 2;
    private static final String[] ACTIVATIONS = {RnnUnroll.TANH, RnnUnroll.RELU, RnnUnroll.LINEAR};
    /** Five steps a row fit a 360 px phone at full size, so the text on them keeps its 11 px. */
    private static final int PER_ROW = 5;
    private static final double BOX = 40;
    private static final double SPACE = 14;
    private static final String[] SELECTED = Svg.levels(" selected");

    private static final Param[] PARAMS = {
        Param.number("steps", "展开步数 T", 1, 40, 1, 20),
        Param.number("scale", "W_hh 的缩放 ρ（W_hh = ρQ，Q 正交）", 0.1, 2, 0.05, 0.9),
        Param.choice("activation", "激活函数", ACTIVATIONS, new String[] {"tanh", "ReLU", "线性（不用激活函数）"}, 0),
        Param.number("hidden", "隐藏维度", 2, 8, 1, 4),
        Param.number("t", "查看时间步 t", 1, 40, 1, 20),
        Param.number("seed", "随机种子", 0, 999_999, 1, 3),
    };

    @Override
    public String name() {
        return "rnn";
    }

    @Override
    public String caption() {
        return "调整 ρ 和展开步数 T，看梯度 ‖∂L/∂hₜ‖ 沿时间反传时如何消失或爆炸；选「线性」时每反传一步恰好乘以 ρ，换成 tanh 或 ReLU 再比较。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    @Override
    public double[] settle(double[] v) {
        v[STEP] = Math.min(v[STEP], v[STEPS]);
        return v;
    }

    @Override
    public String limits(double[] v) {
        return "t:" + (int) v[STEPS];
    }

    /**
     * Weights, start state and inputs drawn from the seed; W_hh is ρ times an orthogonal matrix, so that every
     * singular value is ρ and, without an activation, each step back multiplies ‖∂L/∂h‖ by exactly ρ.
     */
    static RnnResult run(double[] v) {
        int h = (int) v[HIDDEN];
        int steps = (int) v[STEPS];
        SplitMix64 rng = SplitMix64.fromSeed(v[SEED]);
        double[] wxh = uniform(rng, h * INPUT, 0.8);
        double[] whh = orthogonalRows(uniform(rng, h * h, 1), h);
        for (int i = 0; i < whh.length; i++) {
            whh[i] *= v[SCALE];
        }
        double[] xs = uniform(rng, steps * INPUT, 1);
        return RnnUnroll.run(ACTIVATIONS[(int) v[ACTIVATION]], INPUT, h, steps, wxh, whh, new double[h], new double[h], xs);
    }

    private static double[] uniform(SplitMix64 rng, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rng.nextDouble() * 2 - 1) * scale;
        }
        return a;
    }

    /**
     * The h×h matrix {@code m} (row-major) made orthogonal in place by Gram–Schmidt on its rows. Each row is
     * cleared of the earlier ones twice: once leaves errors as large as the rows were near parallel, twice
     * leaves rounding only.
     */
    static double[] orthogonalRows(double[] m, int h) {
        for (int i = 0; i < h; i++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < i; k++) {
                    double dot = 0;
                    for (int j = 0; j < h; j++) {
                        dot += m[i * h + j] * m[k * h + j];
                    }
                    for (int j = 0; j < h; j++) {
                        m[i * h + j] -= dot * m[k * h + j];
                    }
                }
            }
            double len = 0;
            for (int j = 0; j < h; j++) {
                len += m[i * h + j] * m[i * h + j];
            }
            len = Math.sqrt(len);
            for (int j = 0; j < h; j++) {
                m[i * h + j] /= len;
            }
        }
        return m;
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        RnnResult r = run(v);
        int steps = r.steps();
        int h = r.hiddenSize();
        int t = (int) v[STEP];
        double[] hs = r.hs();
        double[] g = r.gradNorms();

        int rows = (steps + PER_ROW - 1) / PER_ROW;
        int perRow = Math.min(steps, PER_ROW);
        sb.append("<div class=\"sim-figures\">");
        Svg chain = new Svg(sb, perRow * (BOX + SPACE), rows * (BOX + 14) + 22, "sim-chain", "radiogroup",
                "展开的 RNN：选一个时间步查看它的状态与梯度", "");
        // The shades darken on a light page and brighten on a dark one: "stronger" holds for both.
        chain.text(0, 14, "sim-title", "展开的 RNN（颜色越浓，|hₜ| 越大）");
        for (int step = 1; step <= steps; step++) {
            double mean = 0;
            for (int i = 0; i < h; i++) {
                mean += Math.abs(hs[(step - 1) * h + i]);
            }
            mean /= h;
            double x = ((step - 1) % PER_ROW) * (BOX + SPACE);
            double y = 22 + ((step - 1) / PER_ROW) * (BOX + 14);
            chain.openGroup("pick", Svg.pick("t", step, "时间步 " + step + "：‖∂L/∂h‖ = " + Html.sci(g[step]), step == t));
            int level = Svg.level(mean);
            chain.rect(x, y, BOX, BOX, step == t ? SELECTED[level] : Svg.LEVELS[level], Svg.attr("data-step", Integer.toString(step)));
            chain.text(x + BOX / 2, y + BOX / 2 + 4, "cell-value", "h" + step);
            chain.closeGroup();
            if (step < steps && step % PER_ROW != 0) {
                chain.line(x + BOX + 2, y + BOX / 2, x + BOX + SPACE - 2, y + BOX / 2, "arrow");
            }
        }

        chain.end();
        GradientChart.bars(sb, "‖∂L/∂hₜ‖，对数坐标", "梯度范数（对数坐标）", g, t, GradientChart.range(g, null), "t",
                "t = 0", "t = " + steps, "");
        sb.append("</div>");
        double largest = 0;
        for (int i = 0; i < h; i++) {
            largest = Math.max(largest, Math.abs(hs[(t - 1) * h + i]));
        }
        // Linear with ρ > 1 the state grows as fast as the gradient: past 1000 three decimals only lengthen the line.
        boolean large = largest >= 1000;
        StringBuilder state = new StringBuilder();
        for (int i = 0; i < h; i++) {
            double value = hs[(t - 1) * h + i];
            state.append(i == 0 ? "(" : ", ").append(large ? Html.sci(value) : Html.fixed(value, 3));
        }
        state.append(')');
        double ratio = g[0] / g[steps];
        new Stats(sb)
                .add("h" + GradientChart.sub(t), state.toString(), "h", null)
                .add("‖∂L/∂h" + GradientChart.sub(t) + "‖", Html.sci(g[t]), "grad", Html.exact(g[t]))
                .add("‖∂L/∂h₀‖ ÷ ‖∂L/∂h" + GradientChart.sub(steps) + "‖", GradientChart.verdict(ratio), "ratio", Html.exact(ratio))
                .end();
        Html.summary(sb, "t = " + t + "：‖∂L/∂hₜ‖ = " + Html.sci(g[t]) + "；‖∂L/∂h₀‖ ÷ ‖∂L/∂h_T‖ = " + Html.sci(ratio));
    }
}
