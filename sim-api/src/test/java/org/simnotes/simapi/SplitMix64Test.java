package org.simnotes.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    private static final long MAX_SEED = (1L << 53) - 1;

    @Test
    void nextDoubleMatchesSplittableRandomOverManySeeds() {
        Random seeds = new Random(20261126L);
        long[] fixed = {0, 1, 2, 42, 7, 123456789, MAX_SEED - 1, MAX_SEED};
        for (int s = 0; s < 200; s++) {
            long seed = s < fixed.length ? fixed[s] : (seeds.nextLong() >>> 11);
            SplittableRandom expected = new SplittableRandom(seed);
            SplitMix64 actual = SplitMix64.fromSeed((double) seed);
            for (int i = 0; i < 1000; i++) {
                double e = expected.nextDouble();
                double a = actual.nextDouble();
                assertEquals(e, a, 0.0, "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void nextLongMatchesSplittableRandomForAnyLongSeed() {
        long[] seeds = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE, 0x9e3779b97f4a7c15L};
        for (long seed : seeds) {
            SplittableRandom expected = new SplittableRandom(seed);
            SplitMix64 actual = new SplitMix64(seed);
            for (int i = 0; i < 100; i++) {
                assertEquals(expected.nextLong(), actual.nextLong(), "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void drawsLieInTheUnitInterval() {
        SplitMix64 rng = SplitMix64.fromSeed(MAX_SEED);
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double d = rng.nextDouble();
            assertTrue(d >= 0 && d < 1, "draw " + i + " = " + d);
            sum += d;
        }
        // Mean of n uniforms: 0.5 with standard deviation sqrt(1/12/n) ≈ 0.0009.
        assertEquals(0.5, sum / n, 0.005);
    }

    @Test
    void seedMustBeAnExactIntegerBelowTwoToThe53() {
        assertEquals("seed must be an integer between 0 and 9007199254740991, got -1",
                assertThrows(SimException.class, () -> SplitMix64.fromSeed(-1)).getMessage());
        assertEquals("seed must be an integer between 0 and 9007199254740991, got 1.5",
                assertThrows(SimException.class, () -> SplitMix64.fromSeed(1.5)).getMessage());
        assertEquals("seed must be an integer between 0 and 9007199254740991, got NaN",
                assertThrows(SimException.class, () -> SplitMix64.fromSeed(Double.NaN)).getMessage());
        assertEquals("seed must be an integer between 0 and 9007199254740991, got 9007199254740992",
                assertThrows(SimException.class, () -> SplitMix64.fromSeed(9007199254740992.0)).getMessage());
        assertEquals("seed", assertThrows(SimException.class,
                () -> SplitMix64.fromSeed(Double.POSITIVE_INFINITY)).getParameter());
    }

    @Test
    void anIndexIsTheFloorOfTheDrawTimesItsBound() {
        SplitMix64 indices = SplitMix64.fromSeed(42);
        SplitMix64 draws = SplitMix64.fromSeed(42);
        int[] counts = new int[10];
        for (int i = 0; i < 100_000; i++) {
            int bound = i % 2 == 0 ? 10 : Integer.MAX_VALUE - i;
            int index = indices.nextIndex(bound);
            assertEquals((int) Math.floor(draws.nextDouble() * bound), index, "draw " + i);
            assertTrue(index >= 0 && index < bound, "draw " + i + " = " + index);
            if (bound == 10) {
                counts[index]++;
            }
        }
        for (int count : counts) {
            // 5,000 draws of each digit expected; the standard deviation is about 67.
            assertEquals(5_000, count, 400);
        }
        assertThrows(IllegalArgumentException.class, () -> indices.nextIndex(0));
    }
}
