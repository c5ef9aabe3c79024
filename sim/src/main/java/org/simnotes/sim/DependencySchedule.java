package org.simnotes.sim;

import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;

/**
 * When each of n positions of a sequence can be computed if every position whose result it needs must be
 * finished first, and independent positions run at once: position i is ready at step 1 + the latest step of the
 * positions it waits for (step 1 when it waits for none). The number of steps is how long the chain is, whatever
 * the hardware: the sequential part that parallel computation cannot shorten.
 */
public final class DependencySchedule {

    /** Most positions in one call. */
    public static final int MAX_N = 1024;

    private DependencySchedule() {
    }

    /**
     * The step (1, 2, …) at which each position is ready. {@code waitsFor} is n×n, row-major: entry (i, j)
     * says position i needs position j's result, and j must come before i.
     */
    public static int[] steps(double n, boolean[] waitsFor) {
        int size = Check.integer("n", n, 1, MAX_N);
        if (waitsFor == null || waitsFor.length != size * size) {
            throw new SimException("waitsFor", "waitsFor must have n*n = " + size * size + " entries, got "
                    + (waitsFor == null ? "none" : Integer.toString(waitsFor.length)));
        }
        int[] steps = new int[size];
        for (int i = 0; i < size; i++) {
            int latest = 0;
            for (int j = 0; j < size; j++) {
                if (waitsFor[i * size + j]) {
                    if (j >= i) {
                        throw new SimException("waitsFor", "position " + i + " waits for position " + j
                                + ", which does not come before it");
                    }
                    latest = Math.max(latest, steps[j]);
                }
            }
            steps[i] = latest + 1;
        }
        return steps;
    }

    /** An RNN: h_t = f(h_{t−1}, x_t), so each position waits for the one before it. */
    public static boolean[] recurrent(double n) {
        int size = Check.integer("n", n, 1, MAX_N);
        boolean[] waits = new boolean[size * size];
        for (int i = 1; i < size; i++) {
            waits[i * size + i - 1] = true;
        }
        return waits;
    }

    /**
     * Self-attention in training: every position reads only the given inputs (the whole sentence is known, a
     * causal mask or not), so none waits for another.
     */
    public static boolean[] attentionTraining(double n) {
        int size = Check.integer("n", n, 1, MAX_N);
        return new boolean[size * size];
    }

    /**
     * Autoregressive decoding: the token at position i is the output at position i − 1, and its attention reads
     * the keys and values of every earlier position, so it waits for all of them.
     */
    public static boolean[] decoding(double n) {
        int size = Check.integer("n", n, 1, MAX_N);
        boolean[] waits = new boolean[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < i; j++) {
                waits[i * size + j] = true;
            }
        }
        return waits;
    }

    /** The number of steps the whole sequence takes: the latest of {@code steps}. */
    public static int length(int[] steps) {
        int max = 0;
        for (int s : steps) {
            max = Math.max(max, s);
        }
        return max;
    }
}
