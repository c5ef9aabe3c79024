package org.simnotes.sim;

import java.util.Arrays;
import org.simnotes.simapi.Check;
import org.simnotes.simapi.SplitMix64;

/**
 * BERT's masked-language-model selection. With the {@code nextDouble()} draws of {@link SplitMix64} seeded
 * with {@code seed}, for each position in turn: u = next; if u < rate the position is selected and v = next;
 * v < 0.8 replaces it with [MASK], else v < 0.9 with the random token ⌊next·vocab⌋, else keeps it.
 */
public final class MlmMask {

    public static final String MASK = "mask";
    public static final String RANDOM = "random";
    public static final String KEEP = "keep";

    /** Most tokens in one call, as for {@link Dropout#MAX_N}. */
    public static final int MAX_N = 1 << 20;

    private MlmMask() {
    }

    public static MlmMaskResult select(double n, double seed, double vocab, double rate) {
        int size = Check.integer("n", n, 1, MAX_N);
        SplitMix64 rng = SplitMix64.fromSeed(seed);
        int v = Check.integer("vocab", vocab, 1, Integer.MAX_VALUE);
        double p = Check.range("rate", rate, 0, 1);

        int[] selected = new int[size];
        String[] actions = new String[size];
        int[] tokens = new int[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (rng.nextDouble() >= p) {
                continue;
            }
            double action = rng.nextDouble();
            selected[count] = i;
            tokens[count] = -1;
            if (action < 0.8) {
                actions[count] = MASK;
            } else if (action < 0.9) {
                actions[count] = RANDOM;
                tokens[count] = rng.nextIndex(v);
            } else {
                actions[count] = KEEP;
            }
            count++;
        }
        return new MlmMaskResult(Arrays.copyOf(selected, count), Arrays.copyOf(actions, count),
                Arrays.copyOf(tokens, count));
    }
}
