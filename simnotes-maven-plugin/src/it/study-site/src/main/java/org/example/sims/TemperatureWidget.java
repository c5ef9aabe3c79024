package org.example.sims;

import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/** Softmax of three fixed scores divided by a temperature: one bar per class, its height the probability. */
public final class TemperatureWidget implements Widget {
    private static final double[] SCORES = {2, 1, 0.1};
    private static final Param[] PARAMS = {
        Param.number("t", "温度 T", 0.1, 5, 0.1, 1),
    };
    private static final double BAR = 40;
    private static final double HEIGHT = 100;

    @Override
    public String name() {
        return "temperature";
    }

    @Override
    public String caption() {
        return "拖动温度 T：T 越大三个概率越接近，T 越小最大分数的概率越接近 1。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /** softmax(z / t), shifted by the largest score so no exponential overflows. */
    private static double[] probabilities(double t) {
        double max = SCORES[0];
        for (double z : SCORES) {
            max = Math.max(max, z);
        }
        double[] p = new double[SCORES.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp((SCORES[i] - max) / t);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Override
    public void render(double[] values, StringBuilder out) {
        double[] p = probabilities(values[0]);
        Svg svg = new Svg(out, p.length * BAR * 1.5, HEIGHT + 20, "sim-temperature", "三个类别的 softmax 概率柱状图", "");
        for (int i = 0; i < p.length; i++) {
            double h = p[i] * HEIGHT;
            svg.rect(i * BAR * 1.5 + BAR / 4, HEIGHT - h, BAR, h, "cell level-3",
                    Svg.rawAttr("data-class", Integer.toString(i)) + Svg.rawAttr("data-p", Double.toString(p[i])));
            svg.text(i * BAR * 1.5 + BAR * 0.75, HEIGHT + 15, "cell-value", "z=" + Html.fixed(SCORES[i], 1));
        }
        svg.end();
        new Stats(out).add("最大概率", Html.fixed(p[0], 3), "top", Double.toString(p[0])).end();
    }
}
