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
 * An Elman RNN unrolled over T steps, with the norm of ∂L/∂h_t for every t on a log scale: scale the
 * recurrent matrix below 1 and the gradient vanishes, above 1 (with ReLU) it explodes.
 */
public final class RnnWidget implements Widget {
    static final int STEPS = 0;
    static final int SCALE = 1;
    static final int ACTIVATION = 2;
    static final int HIDDEN = 3;
    static final int STEP = 4;
    static final int SEED = 5;
    static final int INPUT = 2;
    private static final String[] ACTIVATIONS = {RnnUnroll.TANH, RnnUnroll.RELU};
    /** Six steps a row and a 360-unit chart keep the text legible on a 360 px phone. */
    private static final int PER_ROW = 6;
    private static final double BOX = 40;
    private static final double SPACE = 14;

    private static final Param[] PARAMS = {
        Param.number("steps", "展开步数 T", 1, 40, 1, 20),
        Param.number("scale", "W_hh 的谱范数", 0.1, 2, 0.05, 0.9),
        Param.choice("activation", "激活函数", ACTIVATIONS, new String[] {"tanh", "ReLU"}, 0),
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
        return "调整 W_hh 的大小和展开步数，看梯度 ‖∂L/∂hₜ‖ 沿时间反传时如何消失或爆炸。";
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

    /** Weights, start state and inputs drawn from the seed; W_hh scaled to the chosen spectral norm. */
    static RnnResult run(double[] v) {
        int h = (int) v[HIDDEN];
        int steps = (int) v[STEPS];
        SplitMix64 rng = SplitMix64.fromSeed(v[SEED]);
        double[] wxh = uniform(rng, h * INPUT, 0.8);
        double[] whh = uniform(rng, h * h, 1);
        double norm = spectralNorm(whh, h);
        for (int i = 0; i < whh.length; i++) {
            whh[i] *= v[SCALE] / norm;
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

    /** The largest singular value of the h×h matrix {@code m}, by power iteration on mᵀm. */
    static double spectralNorm(double[] m, int h) {
        double[] x = new double[h];
        for (int i = 0; i < h; i++) {
            x[i] = 1;
        }
        double sigma = 0;
        for (int iter = 0; iter < 100; iter++) {
            double[] y = new double[h];
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < h; j++) {
                    y[i] += m[i * h + j] * x[j];
                }
            }
            double[] z = new double[h];
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < h; i++) {
                    z[j] += m[i * h + j] * y[i];
                }
            }
            double len = 0;
            for (double value : z) {
                len += value * value;
            }
            len = Math.sqrt(len);
            if (len == 0) {
                return 1;
            }
            for (int j = 0; j < h; j++) {
                x[j] = z[j] / len;
            }
            sigma = Math.sqrt(len);
        }
        return sigma;
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
        Svg chain = new Svg(sb, perRow * (BOX + SPACE), rows * (BOX + 14) + 22, "sim-chain", "展开的 RNN", "");
        chain.text(0, 14, "sim-title", "展开的 RNN（颜色越深，|hₜ| 越大）");
        for (int step = 1; step <= steps; step++) {
            double mean = 0;
            for (int i = 0; i < h; i++) {
                mean += Math.abs(hs[(step - 1) * h + i]);
            }
            mean /= h;
            double x = ((step - 1) % PER_ROW) * (BOX + SPACE);
            double y = 22 + ((step - 1) / PER_ROW) * (BOX + 14);
            chain.openGroup("pick", Svg.attr("data-pick", "t:" + step));
            chain.rect(x, y, BOX, BOX, "cell level-" + (int) Math.min(4, Math.ceil(mean * 4)) + (step == t ? " selected" : ""),
                    Svg.attr("data-step", Integer.toString(step)));
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
        StringBuilder state = new StringBuilder();
        for (int i = 0; i < h; i++) {
            state.append(i == 0 ? "(" : ", ").append(Html.fixed(hs[(t - 1) * h + i], 3));
        }
        state.append(')');
        double ratio = g[0] / g[steps];
        new Stats(sb)
                .add("h" + GradientChart.sub(t), state.toString(), "h", null)
                .add("‖∂L/∂h" + GradientChart.sub(t) + "‖", Html.sci(g[t]), "grad", Html.exact(g[t]))
                .add("‖∂L/∂h₀‖ ÷ ‖∂L/∂h" + GradientChart.sub(steps) + "‖", GradientChart.verdict(ratio), "ratio", Html.exact(ratio))
                .end();
    }
}
