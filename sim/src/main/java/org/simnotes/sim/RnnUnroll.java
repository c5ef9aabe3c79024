package org.simnotes.sim;

import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;

/**
 * An Elman RNN unrolled over T steps, {@code h_t = act(wxh·x_t + whh·h_{t−1} + b)}, and backpropagation
 * through time from {@code L = Σ_i h_T[i]}: {@code g_T = 1}, {@code g_{t−1} = whhᵀ (g_t ⊙ act′(h_t))},
 * with {@code act′ = 1 − h_t²} for tanh, {@code [h_t > 0]} for relu and 1 for linear (no activation, so that
 * the gradient is whhᵀ applied T times and nothing else). Matrices are row-major:
 * {@code wxh} is hiddenSize×inputSize, {@code whh} hiddenSize×hiddenSize, {@code xs} steps×inputSize.
 */
public final class RnnUnroll {

    public static final String TANH = "tanh";
    public static final String RELU = "relu";
    public static final String LINEAR = "linear";

    /** Largest number of time steps. */
    public static final int MAX_STEPS = 1000;
    /** Largest hidden state size. */
    public static final int MAX_HIDDEN = 256;
    /** Largest input size. */
    public static final int MAX_INPUT = 256;

    private static final int ID_TANH = 0;
    private static final int ID_RELU = 1;
    private static final int ID_LINEAR = 2;

    private RnnUnroll() {
    }

    public static RnnResult run(String activation, double inputSize, double hiddenSize, double steps,
            double[] wxh, double[] whh, double[] b, double[] h0, double[] xs) {
        int act = activationId(activation);
        int in = Check.integer("inputSize", inputSize, 1, MAX_INPUT);
        int hid = Check.integer("hiddenSize", hiddenSize, 1, MAX_HIDDEN);
        int t = Check.integer("steps", steps, 1, MAX_STEPS);
        Check.finiteArray("wxh", wxh, hid * in, "hiddenSize*inputSize");
        Check.finiteArray("whh", whh, hid * hid, "hiddenSize*hiddenSize");
        Check.finiteArray("b", b, hid, "hiddenSize");
        Check.finiteArray("h0", h0, hid, "hiddenSize");
        Check.finiteArray("xs", xs, t * in, "steps*inputSize");

        double[] hs = forward(act, in, hid, t, wxh, whh, b, h0, xs);
        double[] norms = Check.finiteResult("gradNorms", backward(act, hid, t, whh, hs),
                "the gradient passes 1.8e308 going back through time; use a smaller whh or fewer steps");
        return new RnnResult(t, hid, hs, norms);
    }

    private static int activationId(String activation) {
        if (TANH.equals(activation)) {
            return ID_TANH;
        }
        if (RELU.equals(activation)) {
            return ID_RELU;
        }
        if (LINEAR.equals(activation)) {
            return ID_LINEAR;
        }
        throw new SimException("activation", "activation must be \"tanh\", \"relu\" or \"linear\", got "
                + (activation == null ? "nothing" : "\"" + activation + "\""));
    }

    private static double[] forward(int act, int in, int hid, int steps, double[] wxh, double[] whh,
            double[] b, double[] h0, double[] xs) {
        double[] hs = new double[steps * hid];
        for (int t = 0; t < steps; t++) {
            double[] prev = t == 0 ? h0 : hs;
            int prevOff = t == 0 ? 0 : (t - 1) * hid;
            int xOff = t * in;
            for (int i = 0; i < hid; i++) {
                double fromX = 0;
                for (int j = 0; j < in; j++) {
                    fromX += wxh[i * in + j] * xs[xOff + j];
                }
                double fromH = 0;
                for (int j = 0; j < hid; j++) {
                    fromH += whh[i * hid + j] * prev[prevOff + j];
                }
                double a = fromX + fromH + b[i];
                // Checked before the activation: ReLU would turn a NaN (∞ − ∞) into a plausible 0.
                Check.finiteResult("hs", t * hid + i, a, "the input to an activation passes 1.8e308; use smaller weights or inputs");
                hs[t * hid + i] = act == ID_TANH ? Math.tanh(a) : act == ID_RELU ? (a > 0 ? a : 0.0) : a;
            }
        }
        return hs;
    }

    private static double[] backward(int act, int hid, int steps, double[] whh, double[] hs) {
        double[] norms = new double[steps + 1];
        double[] g = new double[hid];
        double[] d = new double[hid];
        for (int i = 0; i < hid; i++) {
            g[i] = 1.0;
        }
        norms[steps] = EuclideanNorm.of(g);
        for (int t = steps; t >= 1; t--) {
            int off = (t - 1) * hid;
            for (int i = 0; i < hid; i++) {
                double h = hs[off + i];
                double slope = act == ID_TANH ? 1.0 - h * h : act == ID_RELU ? (h > 0 ? 1.0 : 0.0) : 1.0;
                d[i] = g[i] * slope;
            }
            for (int j = 0; j < hid; j++) {
                double sum = 0;
                for (int i = 0; i < hid; i++) {
                    sum += whh[i * hid + j] * d[i];
                }
                g[j] = sum;
            }
            norms[t - 1] = EuclideanNorm.of(g);
        }
        return norms;
    }
}
