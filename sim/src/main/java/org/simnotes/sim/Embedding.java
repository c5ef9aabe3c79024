package org.simnotes.sim;

import org.simnotes.simapi.Check;

/**
 * An embedding table E of V rows (one per word) and d columns, row-major. A word's vector is row k of E; the
 * same vector is the one-hot row vector of k times E, which costs V·d multiply-adds where the lookup costs none.
 */
public final class Embedding {

    /** Most words, and most dimensions. */
    public static final int MAX_VOCAB = 4096;
    public static final int MAX_DIM = 1024;

    private Embedding() {
    }

    /** Row {@code index} of the {@code vocab × dim} table. */
    public static double[] lookup(double vocab, double dim, double[] table, double index) {
        int v = Check.integer("vocab", vocab, 1, MAX_VOCAB);
        int d = Check.integer("dim", dim, 1, MAX_DIM);
        Check.finiteArray("table", table, v * d, "vocab*dim");
        int k = Check.integer("index", index, 0, v - 1);
        double[] row = new double[d];
        System.arraycopy(table, k * d, row, 0, d);
        return row;
    }

    /** The one-hot vector of {@code index} among {@code vocab} words. */
    public static double[] oneHot(double vocab, double index) {
        int v = Check.integer("vocab", vocab, 1, MAX_VOCAB);
        int k = Check.integer("index", index, 0, v - 1);
        double[] x = new double[v];
        x[k] = 1;
        return x;
    }

    /** The row vector {@code x} (V values) times the {@code vocab × dim} table, every product summed. */
    public static double[] times(double vocab, double dim, double[] table, double[] x) {
        int v = Check.integer("vocab", vocab, 1, MAX_VOCAB);
        int d = Check.integer("dim", dim, 1, MAX_DIM);
        Check.finiteArray("table", table, v * d, "vocab*dim");
        Check.finiteArray("x", x, v, "vocab");
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < v; i++) {
                sum += x[i] * table[i * d + j];
            }
            out[j] = sum;
        }
        return Check.finiteResult("out", out, "a sum of products passes 1.8e308; use smaller values");
    }

    /** cos θ = a·b / (‖a‖‖b‖), and 0 when either vector is 0 (it has no direction). */
    public static double cosine(double[] a, double[] b) {
        Check.finiteArray("a", a, a == null ? 0 : a.length, "the length of a");
        Check.finiteArray("b", b, a.length, "the length of a");
        double na = EuclideanNorm.of(a);
        double nb = EuclideanNorm.of(b);
        if (na == 0 || nb == 0) {
            return 0;
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (a[i] / na) * (b[i] / nb);
        }
        return Math.max(-1, Math.min(1, dot));
    }
}
