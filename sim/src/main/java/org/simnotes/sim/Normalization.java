package org.simnotes.sim;

import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;

/**
 * Batch and layer normalization of a batch × features grid {@code x} (row-major, one sample a row), as in
 * training: {@code y = (x − mean)/√(var + eps)·gamma + beta}, with the biased variance. Batch normalization
 * takes one mean and variance per feature, over the samples; layer normalization one per sample, over its
 * features. Either way {@code gamma} and {@code beta} are per feature.
 */
public final class Normalization {

    public static final String BATCH = "batch";
    public static final String LAYER = "layer";

    /** Largest batch, and most features. */
    public static final int MAX_BATCH = 1024;
    public static final int MAX_FEATURES = 1024;

    private Normalization() {
    }

    public static NormResult run(String mode, double batch, double features, double[] x, double[] gamma,
            double[] beta, double eps) {
        if (!BATCH.equals(mode) && !LAYER.equals(mode)) {
            throw new SimException("mode", "mode must be \"batch\" or \"layer\", got \"" + mode + "\"");
        }
        int n = Check.integer("batch", batch, 1, MAX_BATCH);
        int c = Check.integer("features", features, 1, MAX_FEATURES);
        Check.finiteArray("x", x, n * c, "batch*features");
        Check.finiteArray("gamma", gamma, c, "features");
        Check.finiteArray("beta", beta, c, "features");
        // Above 0, so that a group of equal values (batch normalization of a batch of 1) divides by √eps, not 0.
        if (!(eps > 0 && eps <= 1)) {
            throw new SimException("eps", "eps must be above 0 and at most 1, got " + Check.show(eps));
        }

        // A group is the cells that share one mean and variance: a column for batch, a row for layer.
        boolean perFeature = BATCH.equals(mode);
        int groups = perFeature ? c : n;
        int size = perFeature ? n : c;
        int groupStep = perFeature ? 1 : c;
        int cellStep = perFeature ? c : 1;
        double[] mean = new double[groups];
        double[] var = new double[groups];
        for (int gi = 0; gi < groups; gi++) {
            int first = gi * groupStep;
            double sum = 0;
            for (int j = 0; j < size; j++) {
                sum += x[first + j * cellStep];
            }
            mean[gi] = Check.finiteResult("mean", gi, sum / size, "a sum over x passes 1.8e308; scale x down");
            double squares = 0;
            for (int j = 0; j < size; j++) {
                double dev = x[first + j * cellStep] - mean[gi];
                squares += dev * dev;
            }
            var[gi] = Check.finiteResult("var", gi, squares / size,
                    "the squared deviations from the mean pass 1.8e308; scale x down");
        }

        double[] y = new double[n * c];
        for (int s = 0; s < n; s++) {
            for (int f = 0; f < c; f++) {
                int gi = perFeature ? f : s;
                int i = s * c + f;
                y[i] = (x[i] - mean[gi]) / Math.sqrt(var[gi] + eps) * gamma[f] + beta[f];
            }
        }
        Check.finiteResult("y", y, "gamma times the normalized value passes 1.8e308; use a smaller gamma");
        return new NormResult(mean, var, y);
    }
}
