package org.simnotes.sim;

/**
 * One dropout draw applied to an input vector, in both conventions.
 * At inference time inverted dropout passes the input through unchanged, so that output is not stored.
 */
public final class DropoutResult {

    private final int[] mask;
    private final double[] invertedTrain;
    private final double[] classicTrain;
    private final double[] classicInference;

    DropoutResult(int[] mask, double[] invertedTrain, double[] classicTrain, double[] classicInference) {
        this.mask = mask;
        this.invertedTrain = invertedTrain;
        this.classicTrain = classicTrain;
        this.classicInference = classicInference;
    }

    /** 1 where the unit is kept, 0 where it is dropped. */
    public int[] mask() {
        return mask;
    }

    /** Inverted dropout at training time: {@code x * m / p} (all 0 when {@code p == 0}). */
    public double[] invertedTrain() {
        return invertedTrain;
    }

    /** Classic dropout at training time: {@code x * m}. */
    public double[] classicTrain() {
        return classicTrain;
    }

    /** Classic dropout at inference time: {@code x * p}. */
    public double[] classicInference() {
        return classicInference;
    }
}
