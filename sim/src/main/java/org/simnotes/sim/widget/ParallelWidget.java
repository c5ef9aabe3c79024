package org.simnotes.sim.widget;

import org.simnotes.sim.DependencySchedule;
import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * How many steps one layer needs for a sequence of n positions when each step must wait for the results it
 * reads: an RNN, where h_t waits for h_{t−1}, against self-attention, where training (the whole sentence known)
 * computes every position at once and autoregressive decoding still makes one token a step.
 */
public final class ParallelWidget implements Widget {
    static final int N = 0;
    static final int PHASE = 1;
    static final int STEP = 2;
    private static final double BOX = 36;
    private static final double SPACE = 14;
    private static final double LANE = 90;

    private static final Param[] PARAMS = {
        Param.number("n", "序列长度 n", 2, 8, 1, 6),
        Param.choice("phase", "Transformer 的阶段", new String[] {"train", "decode"},
                new String[] {"训练（整句已知）", "推理（自回归，逐个生成）"}, 0),
        Param.number("step", "查看第 s 步", 1, 8, 1, 1),
    };

    @Override
    public String name() {
        return "parallel";
    }

    @Override
    public String caption() {
        return "拖动 s 一步步往后看：RNN 每步只能算一个位置；Transformer 训练时第 1 步就算完全部位置，切到“推理”后又变成每步一个。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    @Override
    public double[] settle(double[] v) {
        v[STEP] = Math.min(v[STEP], v[N]);
        return v;
    }

    @Override
    public String limits(double[] v) {
        return "step:" + (int) v[N];
    }

    static int[] rnnSteps(double[] v) {
        return DependencySchedule.steps(v[N], DependencySchedule.recurrent(v[N]));
    }

    static int[] attentionSteps(double[] v) {
        return DependencySchedule.steps(v[N], v[PHASE] == 0
                ? DependencySchedule.attentionTraining(v[N]) : DependencySchedule.decoding(v[N]));
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        int n = (int) v[N];
        int s = (int) v[STEP];
        boolean training = v[PHASE] == 0;
        int[] rnn = rnnSteps(v);
        int[] attention = attentionSteps(v);
        double width = Math.max(n * (BOX + SPACE), 320);
        sb.append("<div class=\"sim-figures\">");
        Svg svg = new Svg(sb, width, 2 * LANE + 16, "sim-chain", "RNN 与 Transformer 各位置在第几步算出",
                new Attributes().ints("data-rnn-steps", rnn).ints("data-attention-steps", attention).toString());
        lane(svg, 0, "RNN：hₜ 要等 hₜ₋₁ 算完", "h", rnn, s, true);
        lane(svg, LANE, training ? "Transformer 训练：各位置互不等待" : "Transformer 推理：下一个词要等上一个生成",
                "y", attention, s, !training);
        double y = LANE + 22 + BOX + 22;
        if (training) {
            svg.line(0, y, n * (BOX + SPACE) - SPACE, y, "arrow");
        }
        svg.text(0, y + 16, "legend", training ? "一次矩阵乘法 QKᵀ 得到全部 " + n + "×" + n + " 个分数"
                : "每步生成一个词，它是下一步的输入");
        svg.end();
        sb.append("</div>");

        int rnnLength = DependencySchedule.length(rnn);
        int attentionLength = DependencySchedule.length(attention);
        new Stats(sb)
                .add("RNN 的串行步数", rnnLength + " 步，每步算 1 个位置", "rnnSteps", Integer.toString(rnnLength))
                .add("Transformer 的串行步数", attentionLength + " 步，" + (training ? "第 1 步同时算完 " + n + " 个位置" : "每步生成 1 个词"),
                        "attentionSteps", Integer.toString(attentionLength))
                .add("到第 " + s + " 步为止", "RNN 算完 " + done(rnn, s) + " 个位置，Transformer 算完 " + done(attention, s) + " 个",
                        "done", done(rnn, s) + " " + done(attention, s)).brief()
                .add("说明", "只看一层：步数是必须先后进行的计算次数，同一步里的计算可以并行。", null, null)
                .end();
    }

    /** One row of positions, each shaded when its step has come, with arrows for what it waits for. */
    private static void lane(Svg svg, double top, String title, String symbol, int[] steps, int s, boolean chained) {
        svg.text(0, top + 14, "sim-title", title);
        double y = top + 22;
        for (int i = 0; i < steps.length; i++) {
            double x = i * (BOX + SPACE);
            String cls = steps[i] > s ? "cell padding" : steps[i] == s ? "cell level-3 selected" : "cell level-2";
            svg.rect(x, y, BOX, BOX, cls, Svg.rawAttr("data-step", Integer.toString(steps[i])))
                    .text(x + BOX / 2, y + BOX / 2 + 4, "cell-value", symbol + (i + 1));
            svg.text(x + BOX / 2, y + BOX + 14, "cell-value small faint", "第" + steps[i] + "步");
            if (chained && i + 1 < steps.length) {
                // An arrow with its head at the position that waits.
                double head = x + BOX + SPACE - 1;
                svg.path("arrow", "M" + Html.fixed(x + BOX + 1, 0) + " " + Html.fixed(y + BOX / 2, 0) + "H" + Html.fixed(head, 0)
                        + "l-4 -3m4 3l-4 3");
            }
        }
    }

    /** How many positions are computed by step {@code s}. */
    static int done(int[] steps, int s) {
        int count = 0;
        for (int step : steps) {
            count += step <= s ? 1 : 0;
        }
        return count;
    }
}
