package org.simnotes.sim;

/** A clipped gradient, and the Euclidean norms before and after clipping. */
public record ClipResult(double[] clipped, double normBefore, double normAfter) {
}
