package org.simnotes.sim;

import java.util.Arrays;
import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;
import org.simnotes.simapi.SplitMix64;

/**
 * Gradient flow through a deep plain or residual network of L square layers without biases. Draws come from
 * {@code SplitMix64(seed).nextDouble()} in this order: the input {@code h_0} (width values, each {@code 2u − 1}),
 * then {@code W_1 … W_L} (each width×width, row-major, each entry {@code (2u − 1)·s·√(3/width)}, so that
 * {@code s = 1} gives each weight variance 1/width). Forward: {@code z_l = W_l·h_{l−1}}; plain
 * {@code h_l = act(z_l)}, residual {@code h_l = h_{l−1} + act(z_l)}. Backward from {@code L = Σ h_L}:
 * {@code g_L = 1}; plain {@code g_{l−1} = W_lᵀ(g_l⊙act′(z_l))}, residual {@code g_{l−1} = g_l + W_lᵀ(g_l⊙act′(z_l))}.
 */
public final class DeepNet {

    public static final String TANH = "tanh";
    public static final String RELU = "relu";
    public static final String SIGMOID = "sigmoid";

    /** Largest number of layers. */
    public static final int MAX_LAYERS = 1000;
    /** Largest layer width. */
    public static final int MAX_WIDTH = 256;
    /** Largest weight scale s. */
    public static final double MAX_WEIGHT_SCALE = 100;

    private static final String OUTPUT_OVERFLOW = "a layer's output passes 1.8e308; use a smaller weightScale or fewer layers";

    private static final int ID_TANH = 0;
    private static final int ID_RELU = 1;
    private static final int ID_SIGMOID = 2;

    private DeepNet() {
    }

    public static DeepNetResult run(double layers, double width, double seed, String activation, boolean residual,
            double weightScale) {
        int depth = Check.integer("layers", layers, 1, MAX_LAYERS);
        int d = Check.integer("width", width, 1, MAX_WIDTH);
        long s = SplitMix64.seed("seed", seed);
        int act = activationId(activation);
        double scale = Check.range("weightScale", weightScale, 0, MAX_WEIGHT_SCALE) * Math.sqrt(3.0 / d);

        // The weights are drawn again on the way back instead of kept: L·d² values would need up to half a
        // gigabyte, and SplitMix64 can start at any draw.
        SplitMix64 random = new SplitMix64(s);
        double[] h = new double[d];
        for (int i = 0; i < d; i++) {
            h[i] = 2 * random.nextDouble() - 1;
        }
        double[] outputNorms = new double[depth + 1];
        outputNorms[0] = EuclideanNorm.of(h);
        double[] zs = new double[depth * d];
        double[] next = new double[d];
        for (int l = 0; l < depth; l++) {
            int off = l * d;
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += (2 * random.nextDouble() - 1) * scale * h[j];
                }
                // Checked before the activation: ReLU would turn a NaN (∞ − ∞) into a plausible 0.
                double z = Check.finiteResult("outputNorms", l + 1, sum, OUTPUT_OVERFLOW);
                zs[off + i] = z;
                next[i] = residual ? h[i] + apply(act, z) : apply(act, z);
            }
            double[] done = h;
            h = next;
            next = done;
            outputNorms[l + 1] = Check.finiteResult("outputNorms", l + 1, EuclideanNorm.of(h), OUTPUT_OVERFLOW);
        }

        double[] gradNorms = new double[depth + 1];
        double[] g = new double[d];
        double[] delta = new double[d];
        Arrays.fill(g, 1.0);
        gradNorms[depth] = EuclideanNorm.of(g);
        for (int l = depth; l >= 1; l--) {
            int off = (l - 1) * d;
            for (int i = 0; i < d; i++) {
                delta[i] = g[i] * slope(act, zs[off + i]);
            }
            // W_l's first entry is draw d + (l − 1)·d² (0-based); a generator seeded k steps of the state
            // further along gives draw k first.
            SplitMix64 weights = new SplitMix64(s + (d + (long) (l - 1) * d * d) * SplitMix64.GOLDEN_GAMMA);
            if (!residual) {
                Arrays.fill(g, 0.0);
            }
            for (int i = 0; i < d; i++) {
                double di = delta[i];
                for (int j = 0; j < d; j++) {
                    g[j] += (2 * weights.nextDouble() - 1) * scale * di;
                }
            }
            gradNorms[l - 1] = Check.finiteResult("gradNorms", l - 1, EuclideanNorm.of(g),
                    "the gradient passes 1.8e308 going back through the layers; use a smaller weightScale or fewer layers");
        }
        return new DeepNetResult(depth, d, gradNorms, outputNorms);
    }

    private static int activationId(String activation) {
        if (TANH.equals(activation)) {
            return ID_TANH;
        }
        if (RELU.equals(activation)) {
            return ID_RELU;
        }
        if (SIGMOID.equals(activation)) {
            return ID_SIGMOID;
        }
        throw new SimException("activation", "activation must be \"tanh\", \"relu\" or \"sigmoid\", got "
                + (activation == null ? "nothing" : "\"" + activation + "\""));
    }

    private static double apply(int act, double z) {
        if (act == ID_RELU) {
            return z > 0 ? z : 0.0;
        }
        return act == ID_TANH ? Math.tanh(z) : Sigmoid.of(z);
    }

    /** act′(z); relu's is 0 at z = 0, as autograd gives. */
    private static double slope(int act, double z) {
        if (act == ID_RELU) {
            return z > 0 ? 1.0 : 0.0;
        }
        if (act == ID_TANH) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
        double s = Sigmoid.of(z);
        return s * (1 - s);
    }
}
