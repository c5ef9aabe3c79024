package org.simnotes.simapi;

/**
 * The SplitMix64 generator, producing exactly the {@code nextLong()} / {@code nextDouble()} sequence of
 * {@code new java.util.SplittableRandom(seed)} (which TeaVM's class library lacks).
 */
public final class SplitMix64 {

    /** The increment of the state: the odd integer closest to 2^64 divided by the golden ratio. */
    public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /** Largest accepted seed, 2^53 - 1, so a seed survives the trip through a JavaScript number. */
    public static final double MAX_SEED = Check.MAX_SAFE_INTEGER;

    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** A generator seeded with any long, as {@code new SplittableRandom(seed)}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * A generator seeded from a double holding an integer in {@code [0, 2^53 - 1]}.
     *
     * @throws SimException if {@code seed} is not such an integer
     */
    public static SplitMix64 fromSeed(double seed) {
        return new SplitMix64(seed("seed", seed));
    }

    /** Validates a seed given as a double and returns it as a long. */
    public static long seed(String name, double seed) {
        if (!(seed >= 0 && seed <= MAX_SEED) || seed != Math.floor(seed)) {
            throw new SimException(name, name + " must be an integer between 0 and 9007199254740991, got "
                    + Check.show(seed));
        }
        return (long) seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** A uniform double in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * A uniform whole number in {@code [0, bound)}: floor(bound·{@link #nextDouble}), which a sequence of draws
     * keeps across the JVM and the page. Below {@code bound}, as {@link #nextDouble} is at most 1 − 2^-53 and
     * that times any int rounds below it. The cast floors the draw without {@code Math.floor}, a call out of
     * the page's WebAssembly for each number.
     */
    public int nextIndex(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound " + bound + " is not positive");
        }
        return (int) (nextDouble() * bound);
    }

    /**
     * The output function: the draw that follows a state of {@code z}. Public for loops that keep the state
     * in a local variable, as {@code state += GOLDEN_GAMMA; mix64(state)}, which compiled page code runs
     * faster than calls on an object.
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
