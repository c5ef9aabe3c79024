package org.simnotes.sim.widget;

import org.simnotes.sim.Attention;
import org.simnotes.sim.AttentionResult;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Widget;

/**
 * Scaled dot-product self-attention on n positions with random queries and keys of d_k components, each of
 * mean 0 and variance 1: the scores and the softmax weights as two tables, with or without the 1/√d_k scale and
 * the decoder's causal mask. Without the scale a dot product's spread grows as √d_k and softmax turns nearly
 * one-hot.
 */
public final class AttentionWidget implements Widget {
    static final int N = 0;
    static final int DK = 1;
    static final int SCALE = 2;
    static final int MASK = 3;
    static final int SEED = 4;
    private static final double CELL = 34;
    /** Uniform on [−√3, √3]: mean 0, variance 1. */
    private static final double SPREAD = Math.sqrt(3);

    private static final Param[] PARAMS = {
        Param.number("n", "序列长度 n", 2, 8, 1, 6),
        Param.number("dk", "向量维度 dₖ", 1, 128, 1, 64),
        Param.choice("scale", "缩放", new String[] {"scaled", "unscaled"}, new String[] {"除以 √dₖ", "不除以 √dₖ"}, 0),
        Param.choice("mask", "掩码", new String[] {"none", "causal"}, new String[] {"无（编码器）", "因果掩码（解码器）"}, 0),
        Param.number("seed", "随机种子", 0, 999_999, 1, 1),
    };

    @Override
    public String name() {
        return "attention";
    }

    @Override
    public String caption() {
        return "把 dₖ 调大，再切换“不除以 √dₖ”：分数变大，softmax 后每行几乎只剩一个位置；换成因果掩码，对角线右上方的权重全为 0。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /**
     * The head the view draws. Q and K are drawn from the seed; V is K (only the weights are shown). Without
     * the scale the queries are multiplied by √d_k, which the core's 1/√d_k then cancels: the same core gives
     * softmax(QKᵀ).
     */
    static AttentionResult run(double[] v) {
        int n = (int) v[N];
        int dk = (int) v[DK];
        SplitMix64 rng = SplitMix64.fromSeed(v[SEED]);
        double[] q = new double[n * dk];
        double[] k = new double[n * dk];
        for (int i = 0; i < q.length; i++) {
            q[i] = (rng.nextDouble() * 2 - 1) * SPREAD;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (rng.nextDouble() * 2 - 1) * SPREAD;
        }
        if (v[SCALE] == 1) {
            double undo = Math.sqrt(dk);
            for (int i = 0; i < q.length; i++) {
                q[i] *= undo;
            }
        }
        return Attention.run(n, n, dk, dk, q, k, k, v[MASK] == 1);
    }

    /** Entries above the diagonal, which the causal mask hides (none without it). */
    static boolean[] hidden(int n, boolean causal) {
        boolean[] hidden = new boolean[n * n];
        for (int i = 0; causal && i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                hidden[i * n + j] = true;
            }
        }
        return hidden;
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        int n = (int) v[N];
        boolean scaled = v[SCALE] == 0;
        boolean causal = v[MASK] == 1;
        AttentionResult r = run(v);
        boolean[] hidden = hidden(n, causal);
        String[] rows = new String[n];
        String[] cols = new String[n];
        for (int i = 0; i < n; i++) {
            rows[i] = "q" + (i + 1);
            cols[i] = "k" + (i + 1);
        }
        double[] scores = r.scores();
        double[] weights = r.weights();
        sb.append("<div class=\"sim-figures\">");
        new Heatmap("scores", n, n, scores).cell(CELL, CELL * 0.8).signed().numbers(1).masked(hidden, "")
                .labels(rows, 22, cols).figure(sb, (scaled ? "分数 QKᵀ/√dₖ" : "分数 QKᵀ（未缩放）") + (causal ? "，虚线格被遮住" : ""));
        new Heatmap("weights", n, n, weights).cell(CELL, CELL * 0.8).range(1).numbers(2).masked(hidden, "0")
                .labels(rows, 22, cols).figure(sb, "权重 softmax（每行和为 1）");
        sb.append("</div>");

        double spread = spread(scores, hidden);
        double peak = 0;
        StringBuilder sums = new StringBuilder();
        StringBuilder shownSums = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double top = 0;
            for (int j = 0; j < n; j++) {
                sum += weights[i * n + j];
                top = Math.max(top, weights[i * n + j]);
            }
            peak += top / n;
            sums.append(i == 0 ? "" : " ").append(Html.exact(sum));
            shownSums.append(i == 0 ? "" : "、").append(Html.fixed(sum, 3));
        }
        new Stats(sb)
                .add("分数的标准差", Html.fixed(spread, 2) + (scaled ? "（除以 √dₖ 后约为 1）" : "（约为 √dₖ = " + Html.fixed(Math.sqrt(v[DK]), 2) + "）"),
                        "spread", Html.exact(spread)).brief()
                .add("每行最大权重的平均", Html.fixed(peak, 3) + (peak > 0.9 ? "：几乎只看一个位置" : ""), "peak", Html.exact(peak)).brief()
                .add("每行权重之和", shownSums.toString(), "rowSums", sums.toString())
                .add("说明", "Q、K 的每个分量均值 0、方差 1（随机生成），所以 QKᵀ 的每个元素方差为 dₖ。"
                        + (causal ? "因果掩码让第 i 行只在 j ≤ i 的键上做 softmax（实现中常把 j > i 的分数置为负无穷），所以 j > i 的权重恰为 0。" : ""), null, null)
                .end();
    }

    /** The standard deviation of the scores softmax sees (the unmasked ones). */
    static double spread(double[] scores, boolean[] hidden) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!hidden[i]) {
                sum += scores[i];
                count++;
            }
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!hidden[i]) {
                squares += (scores[i] - mean) * (scores[i] - mean);
            }
        }
        return Math.sqrt(squares / count);
    }
}
