package org.simnotes.sim;

import org.simnotes.simapi.Check;

/**
 * An LSTM unrolled over T steps, with the gate rows in PyTorch's order i, f, g, o:
 * {@code z = wih·x_t + bih + whh·h_{t−1} + bhh}, {@code i = σ(z_i)}, {@code f = σ(z_f)}, {@code g = tanh(z_g)},
 * {@code o = σ(z_o)}, {@code c_t = f⊙c_{t−1} + i⊙g}, {@code h_t = o⊙tanh(c_t)}. Matrices are row-major:
 * {@code wih} is 4·hiddenSize×inputSize, {@code whh} 4·hiddenSize×hiddenSize, {@code xs} steps×inputSize.
 */
public final class LstmUnroll {

    /** Largest number of time steps. */
    public static final int MAX_STEPS = RnnUnroll.MAX_STEPS;
    /** Largest hidden state size. */
    public static final int MAX_HIDDEN = RnnUnroll.MAX_HIDDEN;
    /** Largest input size. */
    public static final int MAX_INPUT = RnnUnroll.MAX_INPUT;

    private static final int GATES = 4;

    private LstmUnroll() {
    }

    public static LstmResult run(double inputSize, double hiddenSize, double steps, double[] wih, double[] whh,
            double[] bih, double[] bhh, double[] h0, double[] c0, double[] xs) {
        int in = Check.integer("inputSize", inputSize, 1, MAX_INPUT);
        int hid = Check.integer("hiddenSize", hiddenSize, 1, MAX_HIDDEN);
        int t = Check.integer("steps", steps, 1, MAX_STEPS);
        Check.finiteArray("wih", wih, GATES * hid * in, "4*hiddenSize*inputSize");
        Check.finiteArray("whh", whh, GATES * hid * hid, "4*hiddenSize*hiddenSize");
        Check.finiteArray("bih", bih, GATES * hid, "4*hiddenSize");
        Check.finiteArray("bhh", bhh, GATES * hid, "4*hiddenSize");
        Check.finiteArray("h0", h0, hid, "hiddenSize");
        Check.finiteArray("c0", c0, hid, "hiddenSize");
        Check.finiteArray("xs", xs, t * in, "steps*inputSize");

        double[] hs = new double[t * hid];
        double[] cs = new double[t * hid];
        double[] gi = new double[t * hid];
        double[] gf = new double[t * hid];
        double[] gg = new double[t * hid];
        double[] go = new double[t * hid];
        double[] fromX = new double[GATES * hid];
        double[] fromH = new double[GATES * hid];
        for (int step = 0; step < t; step++) {
            double[] h = step == 0 ? h0 : hs;
            double[] c = step == 0 ? c0 : cs;
            int prev = step == 0 ? 0 : (step - 1) * hid;
            Affine.apply(fromX, wih, bih, xs, step * in, GATES * hid, in);
            Affine.apply(fromH, whh, bhh, h, prev, GATES * hid, hid);
            int off = step * hid;
            for (int u = 0; u < hid; u++) {
                double i = Sigmoid.of(gateInput("i", off + u, fromX, fromH, u));
                double f = Sigmoid.of(gateInput("f", off + u, fromX, fromH, hid + u));
                double g = Math.tanh(gateInput("g", off + u, fromX, fromH, 2 * hid + u));
                double o = Sigmoid.of(gateInput("o", off + u, fromX, fromH, 3 * hid + u));
                // |c| grows by at most 1 a step, so it stays finite.
                double cell = f * c[prev + u] + i * g;
                gi[off + u] = i;
                gf[off + u] = f;
                gg[off + u] = g;
                go[off + u] = o;
                cs[off + u] = cell;
                hs[off + u] = o * Math.tanh(cell);
            }
        }
        return new LstmResult(t, hid, hs, cs, gi, gf, gg, go);
    }

    /**
     * Row {@code row} of {@code z}, checked before its squashing function: σ and tanh would turn an overflow
     * into a plausible 0 or 1, and ∞ − ∞ into NaN. {@code gate} and {@code index} name the output it feeds.
     */
    private static double gateInput(String gate, int index, double[] fromX, double[] fromH, int row) {
        return Check.finiteResult(gate, index, fromX[row] + fromH[row], Affine.GATE_OVERFLOW);
    }
}
