package org.simnotes.sim.widget;

import org.simnotes.sim.RnnResult;
import org.simnotes.sim.RnnUnroll;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * A gated recurrent cell (LSTM or GRU) and a plain tanh RNN on one input sequence: the cell's gates and states
 * over time, a row per hidden unit, beside the RNN's gradient norms going back through time and the factor the
 * cell's direct path multiplies a gradient by on the same way back. Every weight and bias is drawn as PyTorch
 * initialises them, U(−1/√H, 1/√H), but the one gate bias the reader sets.
 */
public abstract class GatedRnnWidget implements Widget {
    static final int STEPS = 0;
    static final int BIAS = 1;
    static final int STEP = 2;
    static final int SEED = 3;
    static final int INPUT = 2;
    static final int HIDDEN = 3;
    private static final double CELL = 14;
    private static final double TABLE = 3 * CELL + 20;

    /** A Param of the bias the reader sets, named as the topic's formula names it. */
    static Param[] params(String biasLabel, double biasDefault) {
        return new Param[] {
            Param.number("steps", "序列长度 T", 2, 30, 1, 20),
            Param.number("bias", biasLabel, -3, 5, 0.5, biasDefault),
            Param.number("t", "查看时间步 t", 1, 30, 1, 10),
            Param.number("seed", "随机种子", 0, 999_999, 1, 4),
        };
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
     * The cell's tables on {@code xs} with the reader's {@code bias}, each step-major (row t − 1 holds step t, a
     * value per unit): those {@link #titles} names, then the factor the direct path multiplies by at each step.
     */
    abstract double[][] run(SplitMix64 rng, int steps, double bias, double[] xs);

    /** The titles of the tables drawn, in the order {@link #run} returns them. */
    abstract String[] titles();

    /** The cell's name as the topic writes it: LSTM or GRU. */
    abstract String cellName();

    /** The tables' names in {@code data-grid}. */
    abstract String[] keys();

    /** Which tables hold signed states rather than gate values between 0 and 1. */
    abstract boolean[] signedTables();

    /** The direct path's factor, as the topic writes it: {@code ∏ f}. */
    abstract String carryName();

    /** One line on what the direct path is and what the reader sees. */
    abstract String explanation();

    /** The input sequence, then the RNN's weights, then the cell's: so one seed gives both the same inputs. */
    static double[] inputs(SplitMix64 rng, int steps) {
        return uniform(rng, steps * INPUT, 1);
    }

    /** A gated cell's weights and biases in PyTorch's layout, each drawn from U(−k, k) as PyTorch initialises them. */
    record CellWeights(double[] wih, double[] whh, double[] bih, double[] bhh) {
    }

    /**
     * The weights of a cell of {@code gates} gate blocks, drawn in one order from {@code rng}; the second block's bias
     * is {@code secondBias}, put all on b_ih (b_hh = 0) so the reader's control sets it exactly.
     */
    static CellWeights cellWeights(SplitMix64 rng, int gates, double secondBias) {
        double k = bound();
        double[] wih = uniform(rng, gates * HIDDEN * INPUT, k);
        double[] whh = uniform(rng, gates * HIDDEN * HIDDEN, k);
        double[] bih = uniform(rng, gates * HIDDEN, k);
        double[] bhh = uniform(rng, gates * HIDDEN, k);
        for (int u = HIDDEN; u < 2 * HIDDEN; u++) {
            bih[u] = secondBias;
            bhh[u] = 0;
        }
        return new CellWeights(wih, whh, bih, bhh);
    }

    static double[] uniform(SplitMix64 rng, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rng.nextDouble() * 2 - 1) * scale;
        }
        return a;
    }

    /** PyTorch's initialisation bound, 1/√H. */
    static double bound() {
        return 1 / Math.sqrt(HIDDEN);
    }

    /** The plain RNN on the same inputs, its weights drawn next from {@code rng}. */
    static RnnResult rnn(SplitMix64 rng, int steps, double[] xs) {
        double k = bound();
        double[] wxh = uniform(rng, HIDDEN * INPUT, k);
        double[] whh = uniform(rng, HIDDEN * HIDDEN, k);
        double[] b = uniform(rng, HIDDEN, k);
        return RnnUnroll.run(RnnUnroll.TANH, INPUT, HIDDEN, steps, wxh, whh, b, new double[HIDDEN], xs);
    }

    /** ‖∂L/∂h_t‖ ÷ ‖∂L/∂h_T‖ for t = 0 … T: where the gradient starts is 1. */
    static double[] rnnRatios(RnnResult r) {
        double[] g = r.gradNorms();
        double[] ratios = new double[g.length];
        for (int t = 0; t < g.length; t++) {
            ratios[t] = g[t] / g[g.length - 1];
        }
        return ratios;
    }

    /** For t = 0 … T, the product of the factors of steps t+1 … T, averaged over the units (1 at t = T). */
    static double[] carryProducts(double[] factors, int steps) {
        double[] products = new double[steps + 1];
        for (int u = 0; u < HIDDEN; u++) {
            double p = 1;
            products[steps] += 1.0 / HIDDEN;
            for (int t = steps - 1; t >= 0; t--) {
                p *= factors[t * HIDDEN + u];
                products[t] += p / HIDDEN;
            }
        }
        return products;
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        int steps = (int) v[STEPS];
        int t = (int) v[STEP];
        // The inputs, the RNN and the cell, drawn in that order from the seed.
        SplitMix64 rng = SplitMix64.fromSeed(v[SEED]);
        double[] xs = inputs(rng, steps);
        double[] ratios = rnnRatios(rnn(rng, steps, xs));
        double[][] tables = run(rng, steps, v[BIAS], xs);
        String[] titles = titles();
        String[] keys = keys();
        boolean[] signed = signedTables();
        double[] carry = carryProducts(tables[titles.length], steps);

        String[] cols = new String[steps];
        for (int k = 1; k <= steps; k++) {
            cols[k - 1] = k == 1 || k % 5 == 0 ? Integer.toString(k) : null;
        }
        sb.append("<div class=\"sim-figures\">");
        double width = Math.max(steps * CELL, 300);
        Svg svg = new Svg(sb, width, titles.length * TABLE + 46, "sim-grid", cellName() + " 的门与状态，每行一个隐藏单元", "");
        Heatmap[] heatmaps = new Heatmap[titles.length];
        for (int i = 0; i < titles.length; i++) {
            // The first table carries the step numbers above its cells.
            double top = i * TABLE + (i == 0 ? 0 : 14);
            svg.text(0, top + 14, "sim-title", titles[i]);
            Heatmap h = new Heatmap(keys[i], HIDDEN, steps, byUnit(tables[i], steps)).cell(CELL, CELL)
                    .labels(null, 0, i == 0 ? cols : null).outlineColumn(t - 1);
            (signed[i] ? h.signed() : h.range(1)).draw(svg, 0, top + 18);
            heatmaps[i] = h;
        }
        svg.text(0, titles.length * TABLE + 26, "axis start", "横轴是时间步 t，框出的是 t = " + t)
                .text(0, titles.length * TABLE + 42, "axis start", "颜色越浓，绝对值越大；橙色为负");
        svg.end();
        for (int i = 0; i < titles.length; i++) {
            heatmaps[i].numbers(sb, titles[i] + "（行是隐藏单元，列是时间步）");
        }

        double[] bounds = Chart.decades(ratios, carry);
        Svg chart = new Svg(sb, 340, 220, "sim-chart", "梯度往回传时的衰减（对数坐标）", "");
        chart.text(0, 14, "sim-title", "从 t = " + steps + " 传回 t 时乘上的量（对数坐标）");
        new Chart(chart, 44, 30, 286, 140, steps, bounds[0], bounds[1], true).grid(Math.ceil((bounds[1] - bounds[0]) / 6))
                .steps("t = ").bars("rnn", ratios, -1).line("curve second", "carry", carry);
        Chart.legend(chart, 44, 200, "bar", "RNN：‖∂L/∂hₜ‖ ÷ ‖∂L/∂h_T‖", true);
        Chart.legend(chart, 44, 216, "curve second", cellName() + " 直通路径：" + carryName() + "（各单元平均）", false);
        chart.end();
        sb.append("</div>");

        Stats stats = new Stats(sb);
        for (int i = 0; i < titles.length; i++) {
            double[] at = new double[HIDDEN];
            System.arraycopy(tables[i], (t - 1) * HIDDEN, at, 0, HIDDEN);
            stats.add(titles[i] + "（t = " + t + "）", list(at), keys[i], Html.exactList(at));
        }
        stats.add("从 t = " + steps + " 传回 t = 0", cellName() + " 直通路径 " + carryName() + " = " + Html.sci(carry[0])
                        + "；RNN 的 ‖∂L/∂h₀‖ ÷ ‖∂L/∂h_T‖ = " + Html.sci(ratios[0]), "back", Html.exact(carry[0]) + " " + Html.exact(ratios[0])).brief()
                .add("说明", explanation(), null, null)
                .end();
    }

    /** The values of the units, three decimals each. */
    private static String list(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : "，").append(Html.fixed(values[i], 3));
        }
        return sb.toString();
    }

    /** Step-major values turned to a row per unit, a column per step, as the tables are drawn. */
    static double[] byUnit(double[] stepMajor, int steps) {
        double[] t = new double[stepMajor.length];
        for (int s = 0; s < steps; s++) {
            for (int u = 0; u < HIDDEN; u++) {
                t[u * steps + s] = stepMajor[s * HIDDEN + u];
            }
        }
        return t;
    }
}
