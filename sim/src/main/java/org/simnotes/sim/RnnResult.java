package org.simnotes.sim;

/** The hidden states of an unrolled RNN and the gradient norms of backpropagation through time. */
public final class RnnResult {

    private final int steps;
    private final int hiddenSize;
    private final double[] hs;
    private final double[] gradNorms;

    RnnResult(int steps, int hiddenSize, double[] hs, double[] gradNorms) {
        this.steps = steps;
        this.hiddenSize = hiddenSize;
        this.hs = hs;
        this.gradNorms = gradNorms;
    }

    public int steps() {
        return steps;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /** {@code steps * hiddenSize} values: h_1 … h_T, one row per step. */
    public double[] hs() {
        return hs;
    }

    /** {@code steps + 1} values: entry t is ‖∂L/∂h_t‖₂ for t = 0 … T, with L = Σ h_T. */
    public double[] gradNorms() {
        return gradNorms;
    }
}
