package org.simnotes.sim;

import org.simnotes.simapi.Check;

/**
 * A GRU unrolled over T steps, with the rows in PyTorch's order r, z, n:
 * {@code r = σ(W_ir x + b_ir + W_hr h + b_hr)}, {@code z = σ(W_iz x + b_iz + W_hz h + b_hz)},
 * {@code n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn))}, {@code h_t = (1 − z)⊙n + z⊙h_{t−1}}. Matrices are
 * row-major: {@code wih} is 3·hiddenSize×inputSize, {@code whh} 3·hiddenSize×hiddenSize, {@code xs} steps×inputSize.
 */
public final class GruUnroll {

    /** Largest number of time steps. */
    public static final int MAX_STEPS = RnnUnroll.MAX_STEPS;
    /** Largest hidden state size. */
    public static final int MAX_HIDDEN = RnnUnroll.MAX_HIDDEN;
    /** Largest input size. */
    public static final int MAX_INPUT = RnnUnroll.MAX_INPUT;

    private static final int GATES = 3;

    private GruUnroll() {
    }

    public static GruResult run(double inputSize, double hiddenSize, double steps, double[] wih, double[] whh,
            double[] bih, double[] bhh, double[] h0, double[] xs) {
        int in = Check.integer("inputSize", inputSize, 1, MAX_INPUT);
        int hid = Check.integer("hiddenSize", hiddenSize, 1, MAX_HIDDEN);
        int t = Check.integer("steps", steps, 1, MAX_STEPS);
        Check.finiteArray("wih", wih, GATES * hid * in, "3*hiddenSize*inputSize");
        Check.finiteArray("whh", whh, GATES * hid * hid, "3*hiddenSize*hiddenSize");
        Check.finiteArray("bih", bih, GATES * hid, "3*hiddenSize");
        Check.finiteArray("bhh", bhh, GATES * hid, "3*hiddenSize");
        Check.finiteArray("h0", h0, hid, "hiddenSize");
        Check.finiteArray("xs", xs, t * in, "steps*inputSize");

        double[] hs = new double[t * hid];
        double[] rs = new double[t * hid];
        double[] zs = new double[t * hid];
        double[] ns = new double[t * hid];
        double[] fromX = new double[GATES * hid];
        double[] fromH = new double[GATES * hid];
        for (int step = 0; step < t; step++) {
            double[] h = step == 0 ? h0 : hs;
            int prev = step == 0 ? 0 : (step - 1) * hid;
            Affine.apply(fromX, wih, bih, xs, step * in, GATES * hid, in);
            Affine.apply(fromH, whh, bhh, h, prev, GATES * hid, hid);
            int off = step * hid;
            for (int u = 0; u < hid; u++) {
                // Each input is checked before its squashing function, which would hide an overflow.
                double r = Sigmoid.of(Check.finiteResult("r", off + u, fromX[u] + fromH[u], Affine.GATE_OVERFLOW));
                double z = Sigmoid.of(Check.finiteResult("z", off + u, fromX[hid + u] + fromH[hid + u],
                        Affine.GATE_OVERFLOW));
                double n = Math.tanh(Check.finiteResult("n", off + u, fromX[2 * hid + u] + r * fromH[2 * hid + u],
                        Affine.GATE_OVERFLOW));
                rs[off + u] = r;
                zs[off + u] = z;
                ns[off + u] = n;
                // A mix of n and h_{t−1}, so h stays between them and finite.
                hs[off + u] = (1 - z) * n + z * h[prev + u];
            }
        }
        return new GruResult(t, hid, hs, rs, zs, ns);
    }
}
