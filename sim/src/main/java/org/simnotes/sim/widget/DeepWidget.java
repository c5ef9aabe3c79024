package org.simnotes.sim.widget;

import org.simnotes.sim.DeepNet;
import org.simnotes.sim.DeepNetResult;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * The gradient norm at every layer of a deep network without and with residual connections, side by side on
 * one log scale: the same activation, depth, initial weights and input, so the shortcut is the only difference.
 */
public final class DeepWidget implements Widget {
    static final int ACTIVATION = 0;
    static final int LAYERS = 1;
    static final int SCALE = 2;
    static final int SEED = 3;
    /** Every layer's width: wide enough that a layer's gain is close to its expectation, small enough to redraw at once. */
    static final int WIDTH = 16;
    private static final String[] ACTIVATIONS = {DeepNet.SIGMOID, DeepNet.TANH, DeepNet.RELU};

    private static final Param[] PARAMS = {
        Param.choice("activation", "激活函数", ACTIVATIONS, new String[] {"sigmoid", "tanh", "ReLU"}, 0),
        Param.number("layers", "层数 L", 1, 50, 1, 20),
        Param.number("scale", "初始化尺度 s（权重方差 s²/n）", 0.1, 3, 0.1, 1),
        Param.number("seed", "随机种子", 0, 999_999, 1, 1),
    };

    @Override
    public String name() {
        return "deep";
    }

    @Override
    public String caption() {
        return "换激活函数、加深网络、调大或调小初始化尺度 s，比较普通网络和残差网络里梯度 ‖∂L/∂hₗ‖ 逐层反传时的变化。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /** The plain network for {@code v}, or the residual one: the same seed, so the same input and weights. */
    private static DeepNetResult run(double[] v, boolean residual) {
        return DeepNet.run(v[LAYERS], WIDTH, v[SEED], ACTIVATIONS[(int) v[ACTIVATION]], residual, v[SCALE]);
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        double[] plain = run(v, false).gradNorms();
        double[] residual = run(v, true).gradNorms();
        int layers = plain.length - 1;
        double[] range = GradientChart.range(plain, residual);
        String last = "l = " + layers;
        sb.append("<div class=\"sim-figures\">");
        GradientChart.bars(sb, "普通网络：‖∂L/∂hₗ‖，对数坐标", "普通网络各层的梯度范数（对数坐标）", plain, -1, range, "l",
                "l = 0", last, Svg.attr("data-net", "plain"));
        GradientChart.bars(sb, "残差网络：‖∂L/∂hₗ‖，对数坐标", "残差网络各层的梯度范数（对数坐标）", residual, -1, range, "l",
                "l = 0", last, Svg.attr("data-net", "residual"));
        sb.append("</div>");
        String ratio = "‖∂L/∂h₀‖ ÷ ‖∂L/∂h" + GradientChart.sub(layers) + "‖";
        double plainRatio = plain[0] / plain[layers];
        double residualRatio = residual[0] / residual[layers];
        double variance = v[SCALE] * v[SCALE] / WIDTH;
        new Stats(sb)
                .add("普通网络 " + ratio, GradientChart.verdict(plainRatio), "plainRatio", Html.exact(plainRatio)).brief()
                .add("残差网络 " + ratio, GradientChart.verdict(residualRatio), "residualRatio", Html.exact(residualRatio)).brief()
                .add("每层权重", "n = " + WIDTH + " 个输入，方差 s²/n = " + Html.sci(variance), "variance", Html.exact(variance))
                .end();
    }
}
