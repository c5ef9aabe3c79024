package org.simnotes.sim;

import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;

/**
 * Scaled dot-product attention for one head: {@code scores = q·kᵀ/√d}, {@code weights} the row-wise softmax
 * of the scores, {@code output = weights·v}. With {@code causal}, query i sees only keys j ≤ i: the other
 * weights are exactly 0 (the scores are reported before the mask). Matrices are row-major: {@code q} is
 * n×d, {@code k} m×d, {@code v} m×dv.
 */
public final class Attention {

    /** Most queries, and most keys. */
    public static final int MAX_TOKENS = 512;
    /** Largest query/key size, and largest value size. */
    public static final int MAX_DIM = 512;

    private Attention() {
    }

    public static AttentionResult run(double n, double m, double d, double dv, double[] q, double[] k, double[] v,
            boolean causal) {
        int queries = Check.integer("n", n, 1, MAX_TOKENS);
        int keys = Check.integer("m", m, 1, MAX_TOKENS);
        int dk = Check.integer("d", d, 1, MAX_DIM);
        int dValue = Check.integer("dv", dv, 1, MAX_DIM);
        if (causal && queries != keys) {
            throw new SimException("causal", "causal needs as many queries as keys, got n = " + queries
                    + " and m = " + keys);
        }
        Check.finiteArray("q", q, queries * dk, "n*d");
        Check.finiteArray("k", k, keys * dk, "m*d");
        Check.finiteArray("v", v, keys * dValue, "m*dv");

        double[] scores = Check.finiteResult("scores", scores(queries, keys, dk, q, k),
                "a dot product of a query and a key passes 1.8e308; use smaller q or k");
        double[] weights = softmaxRows(queries, keys, scores, causal);
        double[] output = Check.finiteResult("output", product(queries, keys, dValue, weights, v),
                "a weighted sum of values passes 1.8e308; use smaller v");
        return new AttentionResult(scores, weights, output);
    }

    private static double[] scores(int n, int m, int d, double[] q, double[] k) {
        double scale = 1.0 / Math.sqrt(d);
        double[] scores = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += q[i * d + c] * k[j * d + c];
                }
                scores[i * m + j] = dot * scale;
            }
        }
        return scores;
    }

    /** Softmax of each row over its visible keys, less the row's largest score so that exp cannot overflow. */
    private static double[] softmaxRows(int n, int m, double[] scores, boolean causal) {
        double[] weights = new double[n * m];
        for (int i = 0; i < n; i++) {
            int visible = causal ? i + 1 : m;
            int row = i * m;
            double max = scores[row];
            for (int j = 1; j < visible; j++) {
                max = Math.max(max, scores[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < visible; j++) {
                double e = Math.exp(scores[row + j] - max);
                weights[row + j] = e;
                sum += e;
            }
            for (int j = 0; j < visible; j++) {
                weights[row + j] /= sum;
            }
        }
        return weights;
    }

    private static double[] product(int n, int m, int dv, double[] weights, double[] v) {
        double[] out = new double[n * dv];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double w = weights[i * m + j];
                for (int c = 0; c < dv; c++) {
                    out[i * dv + c] += w * v[j * dv + c];
                }
            }
        }
        return out;
    }
}
