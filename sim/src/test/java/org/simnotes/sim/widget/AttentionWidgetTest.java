package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.simnotes.simapi.SplitMix64;

/** The attention view against softmax(QKᵀ/√d_k) computed here, with and without the scale and the causal mask. */
class AttentionWidgetTest {
    private final AttentionWidget widget = new AttentionWidget();

    /** Row-wise softmax of q·kᵀ·factor over the keys each query sees, with the widget's seeded Q and K. */
    private static double[] expectedWeights(int n, int dk, long seed, double factor, boolean causal) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] q = new double[n * dk];
        double[] k = new double[n * dk];
        for (int i = 0; i < q.length; i++) {
            q[i] = (rng.nextDouble() * 2 - 1) * Math.sqrt(3);
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (rng.nextDouble() * 2 - 1) * Math.sqrt(3);
        }
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            int visible = causal ? i + 1 : n;
            double sum = 0;
            double[] e = new double[visible];
            double[] s = new double[visible];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < visible; j++) {
                for (int c = 0; c < dk; c++) {
                    s[j] += q[i * dk + c] * k[j * dk + c];
                }
                s[j] *= factor;
                max = Math.max(max, s[j]);
            }
            for (int j = 0; j < visible; j++) {
                e[j] = Math.exp(s[j] - max);
                sum += e[j];
            }
            for (int j = 0; j < visible; j++) {
                w[i * n + j] = e[j] / sum;
            }
        }
        return w;
    }

    @Test
    void theWeightsAreTheSoftmaxOfScaledOrUnscaledDotProducts() {
        for (int dk : new int[] {1, 16, 64}) {
            View scaled = View.of(widget, "n=5&dk=" + dk + "&scale=scaled&mask=none&seed=3");
            assertArrayEquals(expectedWeights(5, dk, 3, 1 / Math.sqrt(dk), false), scaled.values("weights"), 1e-12, "dk " + dk);
            View unscaled = View.of(widget, "n=5&dk=" + dk + "&scale=unscaled&mask=none&seed=3");
            assertArrayEquals(expectedWeights(5, dk, 3, 1, false), unscaled.values("weights"), 1e-12, "dk " + dk);
        }
    }

    @Test
    void theCausalMaskZeroesEveryWeightAboveTheDiagonal() {
        View view = View.of(widget, "n=7&dk=8&scale=scaled&mask=causal&seed=11");
        double[] w = view.values("weights");
        assertArrayEquals(expectedWeights(7, 8, 11, 1 / Math.sqrt(8), true), w, 1e-12);
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                masked.append(j > i ? '1' : '0');
                if (j > i) {
                    assertEquals(0.0, w[i * 7 + j], "weight " + i + "," + j);
                } else {
                    assertTrue(w[i * 7 + j] > 0, "weight " + i + "," + j);
                }
            }
        }
        assertEquals(masked.toString(), view.attrAfter("data-grid=\"weights\"", "data-masked"), "the hidden cells are drawn masked");
        assertEquals(masked.toString(), view.attrAfter("data-grid=\"scores\"", "data-masked"));
        assertEquals(28 + 28, view.count("class=\"cell-value\""), "numbers in the 28 visible scores and weights");
        assertEquals(21, view.count("class=\"cell-value faint\">0</text>"), "the 21 hidden weights read 0");
    }

    @Test
    void everyRowSumsToOne() {
        for (String query : new String[] {"n=8&dk=128&scale=unscaled&mask=causal&seed=2", "n=2&dk=1&scale=scaled&mask=none&seed=0",
            "n=6&dk=64&scale=scaled&mask=none&seed=1"}) {
            View view = View.of(widget, query);
            double[] sums = View.numbers(view.statExact("rowSums"));
            double[] w = view.values("weights");
            int n = sums.length;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += w[i * n + j];
                }
                assertEquals(1, sum, 1e-12, query + " row " + i);
                assertEquals(sum, sums[i], 1e-15);
            }
        }
    }

    @Test
    void withoutTheScaleLargeDkMakesTheRowsNearlyOneHot() {
        for (int seed : new int[] {1, 2, 3}) {
            String common = "n=6&dk=128&mask=none&seed=" + seed;
            View scaled = View.of(widget, common + "&scale=scaled");
            View unscaled = View.of(widget, common + "&scale=unscaled");
            double spreadScaled = Double.parseDouble(scaled.statExact("spread"));
            double spreadUnscaled = Double.parseDouble(unscaled.statExact("spread"));
            assertEquals(Math.sqrt(128), spreadUnscaled / spreadScaled, 1e-9, "the scale divides every score by √d_k");
            assertTrue(spreadScaled > 0.5 && spreadScaled < 2, "scaled scores spread about 1: " + spreadScaled);
            assertTrue(Double.parseDouble(unscaled.statExact("peak")) > 0.9, "unscaled rows put almost all weight on one key");
            assertTrue(Double.parseDouble(scaled.statExact("peak")) < 0.8, "scaled rows spread their weight");
        }
    }
}
