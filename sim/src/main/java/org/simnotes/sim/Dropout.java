package org.simnotes.sim;

/**
 * Dropout with keep probability {@code p}: unit {@code i} is kept when the i-th {@code nextDouble()} of
 * {@link SplitMix64} seeded with {@code seed} is {@code < p}.
 */
public final class Dropout {

    /** Largest number of units in one call (2^20), so a page can never ask for a freezing amount of work. */
    public static final int MAX_N = 1 << 20;

    private Dropout() {
    }

    /** The 0/1 keep mask of {@code n} units. */
    public static int[] mask(double n, double keepProb, double seed) {
        int size = Check.integer("n", n, 1, MAX_N);
        double p = Check.range("keepProb", keepProb, 0, 1);
        long s = SplitMix64.seed("seed", seed);
        return drawMask(size, p, s);
    }

    /** The mask and the inverted and classic outputs for {@code input} (which must hold {@code n} values). */
    public static DropoutResult apply(double n, double keepProb, double seed, double[] input) {
        int size = Check.integer("n", n, 1, MAX_N);
        double p = Check.range("keepProb", keepProb, 0, 1);
        long s = SplitMix64.seed("seed", seed);
        Check.finiteArray("input", input, size, "n");
        int[] mask = drawMask(size, p, s);
        double[] inverted = new double[size];
        double[] classic = new double[size];
        double[] inference = new double[size];
        for (int i = 0; i < size; i++) {
            double x = input[i];
            double kept = x * mask[i];
            classic[i] = kept;
            inverted[i] = p == 0 ? 0.0 : kept / p;
            inference[i] = x * p;
        }
        return new DropoutResult(mask, inverted, classic, inference);
    }

    private static int[] drawMask(int n, double keepProb, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        int[] mask = new int[n];
        for (int i = 0; i < n; i++) {
            mask[i] = rng.nextDouble() < keepProb ? 1 : 0;
        }
        return mask;
    }
}
