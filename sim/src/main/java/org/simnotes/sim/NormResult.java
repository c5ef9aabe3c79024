package org.simnotes.sim;

/**
 * One normalization's statistics and output: {@code mean} and {@code var} (biased) per group, that is per
 * feature for batch normalization and per sample for layer normalization, and {@code y} (batch × features,
 * row-major).
 */
public record NormResult(double[] mean, double[] var, double[] y) {
}
