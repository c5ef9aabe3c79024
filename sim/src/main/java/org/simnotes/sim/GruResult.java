package org.simnotes.sim;

/** The states and gate values of an unrolled GRU, each {@code steps * hiddenSize} values, one row per step 1 … T. */
public final class GruResult {

    private final int steps;
    private final int hiddenSize;
    private final double[] hs;
    private final double[] resetGate;
    private final double[] updateGate;
    private final double[] candidate;

    GruResult(int steps, int hiddenSize, double[] hs, double[] resetGate, double[] updateGate, double[] candidate) {
        this.steps = steps;
        this.hiddenSize = hiddenSize;
        this.hs = hs;
        this.resetGate = resetGate;
        this.updateGate = updateGate;
        this.candidate = candidate;
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

    /** The reset gate r, which scales W_hn·h_{t−1} + b_hn inside the candidate. */
    public double[] resetGate() {
        return resetGate;
    }

    /** The update gate z: the share of h_{t−1} that h_t keeps. */
    public double[] updateGate() {
        return updateGate;
    }

    /** The candidate n. */
    public double[] candidate() {
        return candidate;
    }
}
