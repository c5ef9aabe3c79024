package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.simnotes.simapi.SimException;

class PoolingTest {

    /** Counts the windows by sliding one over an explicitly padded axis, as a person would on paper. */
    private static int windowsAlong(int n, int k, int s, int p) {
        int count = 0;
        for (int start = 0; start + k <= n + 2 * p; start += s) {
            count++;
        }
        return count;
    }

    /** Naive pooling over an explicitly padded copy of the grid: the definition, written out. */
    private static double[] naive(boolean max, int h, int w, int k, int s, int p, double[] input, int[] argmax) {
        int ph = h + 2 * p;
        int pw = w + 2 * p;
        double[] padded = new double[ph * pw];
        boolean[] real = new boolean[ph * pw];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                padded[(y + p) * pw + x + p] = input[y * w + x];
                real[(y + p) * pw + x + p] = true;
            }
        }
        int oh = windowsAlong(h, k, s, p);
        int ow = windowsAlong(w, k, s, p);
        double[] out = new double[oh * ow];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                double best = Double.NEGATIVE_INFINITY;
                int bestIndex = -1;
                double sum = 0;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int py = oy * s + ky;
                        int px = ox * s + kx;
                        sum += padded[py * pw + px];
                        if (real[py * pw + px] && padded[py * pw + px] > best) {
                            best = padded[py * pw + px];
                            bestIndex = (py - p) * w + (px - p);
                        }
                    }
                }
                out[oy * ow + ox] = max ? best : sum / (k * k);
                if (argmax != null) {
                    argmax[oy * ow + ox] = bestIndex;
                }
            }
        }
        return out;
    }

    @Test
    void outputShapesAndValuesMatchTheDefinitionForManySettings() {
        Random random = new Random(7);
        int checked = 0;
        for (int k = 1; k <= 5; k++) {
            for (int s = 1; s <= 3; s++) {
                for (int p = 0; p <= k / 2; p++) {
                    for (int h = 1; h <= 9; h += 2) {
                        int w = 12 - h;
                        if (k > h + 2 * p || k > w + 2 * p) {
                            continue;
                        }
                        double[] input = new double[h * w];
                        for (int i = 0; i < input.length; i++) {
                            // Small integers, so ties happen and the tie rule is exercised.
                            input[i] = random.nextInt(7) - 5;
                        }
                        String where = "h" + h + " w" + w + " k" + k + " s" + s + " p" + p;
                        PoolResult mx = Pooling.max(h, w, k, s, p, input);
                        PoolResult av = Pooling.avg(h, w, k, s, p, input);
                        assertEquals(windowsAlong(h, k, s, p), mx.height(), where);
                        assertEquals(windowsAlong(w, k, s, p), mx.width(), where);
                        assertEquals(Pooling.outputSize(h, k, s, p), av.height(), where);
                        assertEquals(Pooling.outputSize(w, k, s, p), av.width(), where);
                        int[] argmax = new int[mx.height() * mx.width()];
                        assertArrayEquals(naive(true, h, w, k, s, p, input, argmax), mx.output(), 0.0, where);
                        assertArrayEquals(argmax, mx.argmax(), where + " argmax");
                        assertArrayEquals(naive(false, h, w, k, s, p, input, null), av.output(), 1e-12, where);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 60, "settings checked: " + checked);
    }

    @Test
    void aGridCheckedOnceIsPooledByTheDefinitionWithEverySettingInTurn() {
        Random random = new Random(11);
        double[] input = new double[7 * 9];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextInt(9) - 4;
        }
        Pooling.Grid grid = Pooling.grid(7, 9, input);
        for (int k = 1; k <= 4; k++) {
            for (int s = 1; s <= 3; s++) {
                for (int p = 0; p <= k / 2; p++) {
                    String where = "k" + k + " s" + s + " p" + p;
                    int[] argmax = new int[Pooling.outputSize(7, k, s, p) * Pooling.outputSize(9, k, s, p)];
                    PoolResult mx = grid.max(k, s, p);
                    assertArrayEquals(naive(true, 7, 9, k, s, p, input, argmax), mx.output(), 0.0, where);
                    assertArrayEquals(argmax, mx.argmax(), where + " argmax");
                    assertArrayEquals(naive(false, 7, 9, k, s, p, input, null), grid.avg(k, s, p).output(), 1e-12, where);
                }
            }
        }
        assertEquals("input[1] must be a finite number, got NaN",
                assertThrows(SimException.class, () -> Pooling.grid(1, 2, new double[] {0, Double.NaN})).getMessage());
        assertEquals("kernel must be at most height + 2*padding = 7, got 8",
                assertThrows(SimException.class, () -> grid.max(8, 1, 0)).getMessage());
    }

    @Test
    void averageOfAConstantGridIsTheConstantWithoutPadding() {
        double[] grid = new double[6 * 8];
        java.util.Arrays.fill(grid, 2.75);
        PoolResult r = Pooling.avg(6, 8, 3, 2, 0, grid);
        assertEquals(2, r.height());
        assertEquals(3, r.width());
        for (double v : r.output()) {
            assertEquals(2.75, v, 1e-15);
        }
    }

    @Test
    void averagePoolingCountsPaddingInTheDivisor() {
        double[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        PoolResult r = Pooling.avg(3, 3, 3, 1, 1, ones);
        // Corners see 4 real cells of 9, edges 6, the centre 9.
        assertArrayEquals(new double[] {4 / 9.0, 6 / 9.0, 4 / 9.0, 6 / 9.0, 1, 6 / 9.0, 4 / 9.0, 6 / 9.0, 4 / 9.0},
                r.output(), 1e-15);
    }

    @Test
    void paddingNeverWinsAMax() {
        double[] negative = {-3, -1, -2, -4};
        PoolResult r = Pooling.max(2, 2, 2, 1, 1, negative);
        assertEquals(3, r.height());
        assertArrayEquals(new double[] {-3, -1, -1, -2, -1, -1, -2, -2, -4}, r.output(), 0.0);
        assertArrayEquals(new int[] {0, 1, 1, 2, 1, 1, 2, 2, 3}, r.argmax());
    }

    @Test
    void tiesGoToTheFirstCellInRowMajorWindowOrder() {
        double[] grid = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
        PoolResult r = Pooling.max(4, 4, 2, 2, 0, grid);
        assertArrayEquals(new int[] {0, 2, 8, 10}, r.argmax());
    }

    @Test
    void globalPoolingSummarisesTheWholeGrid() {
        double[] grid = {1, 9, 3, 9, -2, 4};
        PoolResult mx = Pooling.globalMax(2, 3, grid);
        assertEquals(1, mx.height());
        assertEquals(1, mx.width());
        assertArrayEquals(new double[] {9}, mx.output(), 0.0);
        assertArrayEquals(new int[] {1}, mx.argmax(), "first of the tied maxima");
        assertArrayEquals(new double[] {24 / 6.0}, Pooling.globalAvg(2, 3, grid).output(), 1e-15);
        // Global pooling is pooling with the kernel covering the grid.
        double[] square = {0.5, -1, 2, 7, 3, 3, -8, 1, 4};
        assertArrayEquals(Pooling.avg(3, 3, 3, 1, 0, square).output(), Pooling.globalAvg(3, 3, square).output(), 1e-15);
        assertArrayEquals(Pooling.max(3, 3, 3, 1, 0, square).argmax(), Pooling.globalMax(3, 3, square).argmax());
    }

    @Test
    void invalidParametersAreNamed() {
        double[] g16 = new double[16];
        assertEquals("kernel must be between 1 and 16, got 20",
                assertThrows(SimException.class, () -> Pooling.max(4, 4, 20, 1, 0, g16)).getMessage());
        assertEquals("stride must be between 1 and 16, got 0",
                assertThrows(SimException.class, () -> Pooling.max(4, 4, 2, 0, 0, g16)).getMessage());
        assertEquals("padding must be at most kernel/2 = 1, got 2",
                assertThrows(SimException.class, () -> Pooling.avg(4, 4, 3, 1, 2, g16)).getMessage());
        assertEquals("padding must be between 0 and 8, got -1",
                assertThrows(SimException.class, () -> Pooling.avg(4, 4, 3, 1, -1, g16)).getMessage());
        assertEquals("kernel must be at most width + 2*padding = 4, got 5",
                assertThrows(SimException.class, () -> Pooling.max(8, 2, 5, 1, 1, new double[16])).getMessage());
        assertEquals("height must be between 1 and 1024, got 2000",
                assertThrows(SimException.class, () -> Pooling.max(2000, 4, 2, 2, 0, g16)).getMessage());
        assertEquals("width must be an integer between 1 and 1024, got 4.5",
                assertThrows(SimException.class, () -> Pooling.max(4, 4.5, 2, 2, 0, g16)).getMessage());
        assertEquals("input must have height*width = 16 values, got 15",
                assertThrows(SimException.class, () -> Pooling.max(4, 4, 2, 2, 0, new double[15])).getMessage());
        assertEquals("input[3] must be a finite number, got Infinity", assertThrows(SimException.class,
                () -> Pooling.avg(2, 2, 1, 1, 0, new double[] {0, 0, 0, Double.POSITIVE_INFINITY})).getMessage());
        assertEquals("input is missing: expected height*width = 4 values",
                assertThrows(SimException.class, () -> Pooling.globalAvg(2, 2, null)).getMessage());
    }

    @Test
    void anAverageBeyondTheLargestDoubleIsRefusedNotAnsweredWithInfinity() {
        double[] huge = {1e308, 1e308, 1e308, 1e308};
        assertEquals("output[0] overflows a double: the sum of its window passes 1.8e308; scale the input down",
                assertThrows(SimException.class, () -> Pooling.avg(2, 2, 2, 1, 0, huge)).getMessage());
        assertEquals("output", assertThrows(SimException.class, () -> Pooling.globalAvg(2, 2, huge)).getParameter());
        assertArrayEquals(new double[] {1e308}, Pooling.max(2, 2, 2, 1, 0, huge).output(), 0.0, "a max cannot overflow");
        assertArrayEquals(new double[] {1.5e308, 1}, Pooling.avg(1, 2, 1, 1, 0, new double[] {1.5e308, 1}).output(), 0.0,
                "a window of one value is as large as its value");
    }
}
