package org.simnotes.sim;

/** The states and gate values of an unrolled LSTM, each {@code steps * hiddenSize} values, one row per step 1 … T. */
public final class LstmResult {

    private final int steps;
    private final int hiddenSize;
    private final double[] hs;
    private final double[] cs;
    private final double[] inputGate;
    private final double[] forgetGate;
    private final double[] candidate;
    private final double[] outputGate;

    LstmResult(int steps, int hiddenSize, double[] hs, double[] cs, double[] inputGate, double[] forgetGate,
            double[] candidate, double[] outputGate) {
        this.steps = steps;
        this.hiddenSize = hiddenSize;
        this.hs = hs;
        this.cs = cs;
        this.inputGate = inputGate;
        this.forgetGate = forgetGate;
        this.candidate = candidate;
        this.outputGate = outputGate;
    }

    public int steps() {
        return steps;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /** The hidden states h_1 … h_T. */
    public double[] hs() {
        return hs;
    }

    /** The cell states c_1 … c_T. */
    public double[] cs() {
        return cs;
    }

    /** The input gate i = σ(z_i). */
    public double[] inputGate() {
        return inputGate;
    }

    /** The forget gate f = σ(z_f). */
    public double[] forgetGate() {
        return forgetGate;
    }

    /** The candidate g = tanh(z_g). */
    public double[] candidate() {
        return candidate;
    }

    /** The output gate o = σ(z_o). */
    public double[] outputGate() {
        return outputGate;
    }
}
