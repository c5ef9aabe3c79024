package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.simnotes.simapi.SimException;

class DropoutTest {

    @Test
    void keptFractionApproachesKeepProb() {
        int n = 100_000;
        for (double p : new double[] {0.1, 0.5, 0.8}) {
            int[] mask = Dropout.mask(n, p, 2024);
            int kept = 0;
            for (int m : mask) {
                assertTrue(m == 0 || m == 1, "mask holds only 0 and 1");
                kept += m;
            }
            double sigma = Math.sqrt(p * (1 - p) / n);
            assertEquals(p, (double) kept / n, 5 * sigma, "kept fraction for p = " + p);
        }
    }

    @Test
    void maskFollowsTheSplittableRandomSequence() {
        SplittableRandom rng = new SplittableRandom(99);
        int[] mask = Dropout.mask(500, 0.3, 99);
        for (int i = 0; i < mask.length; i++) {
            assertEquals(rng.nextDouble() < 0.3 ? 1 : 0, mask[i], "unit " + i);
        }
    }

    @Test
    void aDrawEqualToKeepProbDropsTheUnitAndTheNextDoubleUpKeepsIt() {
        double first = new SplittableRandom(5).nextDouble();
        assertEquals(0, Dropout.mask(1, first, 5)[0], "nextDouble() < p is false when they are equal");
        assertEquals(1, Dropout.mask(1, Math.nextUp(first), 5)[0]);
        assertEquals(0, Dropout.mask(1, Math.nextDown(first), 5)[0]);
        assertArrayEquals(new int[] {1, 1, 1}, Dropout.mask(3, 1, 5), "p = 1 keeps every unit");
        assertArrayEquals(new int[] {0, 0, 0}, Dropout.mask(3, 0, 5), "p = 0 keeps none");
    }

    @Test
    void thePackedMaskHoldsUnitIAtBitIMod32OfWordIDiv32() {
        for (int n : new int[] {1, 31, 32, 33, 100}) {
            int[] mask = Dropout.mask(n, 0.5, 11);
            int[] words = Dropout.packedMask(n, 0.5, 11);
            assertEquals((n + 31) / 32, words.length, "words for n = " + n);
            for (int i = 0; i < n; i++) {
                assertEquals(mask[i], (words[i / 32] >>> (i % 32)) & 1, "n = " + n + ", unit " + i);
            }
            for (int i = n; i < words.length * 32; i++) {
                assertEquals(0, (words[i / 32] >>> (i % 32)) & 1, "bits past n stay 0");
            }
        }
    }

    @Test
    void sameSeedSameMaskAndLongerMasksExtendShorterOnes() {
        assertArrayEquals(Dropout.mask(1000, 0.5, 7), Dropout.mask(1000, 0.5, 7));
        assertFalse(Arrays.equals(Dropout.mask(1000, 0.5, 7), Dropout.mask(1000, 0.5, 8)));
        assertArrayEquals(Dropout.mask(10, 0.5, 7), Arrays.copyOf(Dropout.mask(1000, 0.5, 7), 10));
    }

    @Test
    void invertedScalingPreservesTheExpectedActivation() {
        int n = 10_000;
        double p = 0.25;
        double[] x = new double[n];
        double inputSum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i % 5;
            inputSum += x[i];
        }
        double inputMean = inputSum / n;
        int seeds = 50;
        double invertedSum = 0;
        double classicSum = 0;
        for (int seed = 0; seed < seeds; seed++) {
            DropoutResult r = Dropout.apply(n, p, seed, x);
            for (int i = 0; i < n; i++) {
                invertedSum += r.invertedTrain()[i];
                classicSum += r.classicTrain()[i];
            }
        }
        double samples = (double) n * seeds;
        // Var(x·m/p) = x²(1−p)/p ≤ 25·3, so the mean of 500,000 draws has σ ≤ 0.0123.
        assertEquals(inputMean, invertedSum / samples, 5 * 0.0123, "inverted training mean equals the input mean");
        // Classic training shrinks activations by p on average, which its inference rule x·p reproduces.
        assertEquals(p * inputMean, classicSum / samples, 5 * 0.0123 * p, "classic training mean is p·input mean");
    }

    @Test
    void classicInferenceScalesByKeepProbWhateverTheSeed() {
        double[] x = {2.0, -4.0, 0.5, 0.0, 10.0};
        double[] expected = {1.4, -2.8, 0.35, 0.0, 7.0};
        for (int seed = 0; seed < 5; seed++) {
            assertArrayEquals(expected, Dropout.apply(5, 0.7, seed, x).classicInference(), 1e-12);
        }
    }

    @Test
    void outputsFollowTheMask() {
        double[] x = {1.5, -2.0, 3.0, 4.0, -0.5, 6.0, 7.0, 8.0};
        double p = 0.5;
        DropoutResult r = Dropout.apply(x.length, p, 42, x);
        for (int i = 0; i < x.length; i++) {
            if (r.mask()[i] == 1) {
                assertEquals(x[i] / p, r.invertedTrain()[i], 1e-12, "kept unit " + i + " is scaled by 1/p");
                assertEquals(x[i], r.classicTrain()[i], 0.0, "kept unit " + i + " passes through");
            } else {
                assertEquals(0.0, r.invertedTrain()[i], 0.0, "dropped unit " + i);
                assertEquals(0.0, r.classicTrain()[i], 0.0, "dropped unit " + i);
            }
        }
    }

    @Test
    void keepAllAndDropAllAreExact() {
        double[] x = {1, -2, 3, -4};
        DropoutResult all = Dropout.apply(4, 1.0, 5, x);
        assertArrayEquals(new int[] {1, 1, 1, 1}, all.mask());
        assertArrayEquals(x, all.invertedTrain(), 0.0);
        assertArrayEquals(x, all.classicInference(), 0.0);

        DropoutResult none = Dropout.apply(4, 0.0, 5, x);
        assertArrayEquals(new int[] {0, 0, 0, 0}, none.mask());
        assertArrayEquals(new double[] {0, 0, 0, 0}, none.invertedTrain(), 0.0, "no NaN from 0/0");
        assertArrayEquals(new double[] {0, 0, 0, 0}, none.classicInference(), 0.0);
    }

    @Test
    void invalidParametersAreNamed() {
        assertEquals("n must be between 1 and 1048576, got 0",
                assertThrows(SimException.class, () -> Dropout.mask(0, 0.5, 1)).getMessage());
        assertEquals("n must be between 1 and 1048576, got 1048577",
                assertThrows(SimException.class, () -> Dropout.mask(Dropout.MAX_N + 1, 0.5, 1)).getMessage());
        assertEquals("n must be an integer between 1 and 1048576, got 2.5",
                assertThrows(SimException.class, () -> Dropout.mask(2.5, 0.5, 1)).getMessage());
        assertEquals("keepProb must be between 0 and 1, got 1.5",
                assertThrows(SimException.class, () -> Dropout.mask(3, 1.5, 1)).getMessage());
        assertEquals("keepProb must be between 0 and 1, got NaN",
                assertThrows(SimException.class, () -> Dropout.mask(3, Double.NaN, 1)).getMessage());
        assertEquals("input must have n = 3 values, got 2",
                assertThrows(SimException.class, () -> Dropout.apply(3, 0.5, 1, new double[2])).getMessage());
        assertEquals("input[1] must be a finite number, got NaN", assertThrows(SimException.class,
                () -> Dropout.apply(2, 0.5, 1, new double[] {0, Double.NaN})).getMessage());
        assertEquals("seed", assertThrows(SimException.class,
                () -> Dropout.apply(2, 0.5, -3, new double[2])).getParameter());
    }

    @Test
    void anOutputBeyondTheLargestDoubleIsRefusedNotAnsweredWithInfinity() {
        double[] huge = new double[8];
        Arrays.fill(huge, 1.5e308);
        int firstKept = Arrays.stream(Dropout.mask(8, 0.5, 1)).boxed().toList().indexOf(1);
        assertEquals("output[" + firstKept + "] overflows a double: input / keepProb passes 1.8e308; scale the input down",
                assertThrows(SimException.class, () -> Dropout.apply(8, 0.5, 1, huge)).getMessage());
    }
}
