package org.simnotes.sim;

/**
 * The hidden states of an unrolled RNN and the gradient norms of backpropagation through time.
 *
 * @param hs {@code steps * hiddenSize} values: h_1 … h_T, one row per step
 * @param gradNorms {@code steps + 1} values: entry t is ‖∂L/∂h_t‖₂ for t = 0 … T, with L = Σ h_T
 */
public record RnnResult(int steps, int hiddenSize, double[] hs, double[] gradNorms) {
}
