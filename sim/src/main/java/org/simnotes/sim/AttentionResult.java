package org.simnotes.sim;

/**
 * One attention head's {@code scores} (n×m, q·kᵀ/√d before any mask), {@code weights} (n×m, each row summing
 * to 1, masked entries exactly 0) and {@code output} (n×dv, weights·v), each flat and row-major.
 */
public record AttentionResult(double[] scores, double[] weights, double[] output) {
}
