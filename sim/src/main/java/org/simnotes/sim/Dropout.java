package org.simnotes.sim;

import org.simnotes.simapi.Check;
import org.simnotes.simapi.SplitMix64;

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
        int[] words = packedMask(n, keepProb, seed);
        // n was checked by packedMask: a whole number from 1 to MAX_N.
        return unpack(words, (int) n);
    }

    /**
     * The keep mask of {@code n} units packed 32 to an int: unit {@code i} is kept when bit {@code i % 32}
     * of word {@code i / 32} is set. A thirty-second of the data to hand over than {@link #mask}.
     */
    public static int[] packedMask(double n, double keepProb, double seed) {
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
        int[] mask = unpack(drawMask(size, p, s), size);
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
        Check.finiteResult("output", inverted, "input / keepProb passes 1.8e308; scale the input down");
        return new DropoutResult(mask, inverted, classic, inference);
    }

    /** The packed mask ({@link #packedMask}). */
    private static int[] drawMask(int n, double keepProb, long seed) {
        // nextDouble() < keepProb, exactly: nextDouble() is m·2^-53 for the integer m = bits >>> 11, and
        // m·2^-53 < p exactly when m < ceil(p·2^53), that is when m − ceil(p·2^53) is negative (both are
        // at most 2^53). Its sign bit is the keep bit, with no branch: whether a unit is kept cannot be
        // predicted, and a branch per unit made the page's compiled code three times slower. The state lives
        // in a local, which that code keeps in a register, not in a SplitMix64 object's field.
        long threshold = (long) Math.ceil(keepProb * 0x1.0p53);
        long state = seed;
        int[] words = new int[(n + 31) >>> 5];
        for (int w = 0; w < words.length; w++) {
            int bits = 0;
            int end = Math.min(32, n - (w << 5));
            for (int b = 0; b < end; b++) {
                state += SplitMix64.GOLDEN_GAMMA;
                bits |= (int) (((SplitMix64.mix64(state) >>> 11) - threshold) >>> 63) << b;
            }
            words[w] = bits;
        }
        return words;
    }

    private static int[] unpack(int[] words, int n) {
        int[] mask = new int[n];
        for (int i = 0; i < n; i++) {
            mask[i] = (words[i >>> 5] >>> (i & 31)) & 1;
        }
        return mask;
    }
}
