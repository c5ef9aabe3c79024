package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.simnotes.sim.NormResult;
import org.simnotes.sim.Normalization;

/** The norm widget: which cells share a mean and variance, the numbers before and after, and small batches. */
class NormWidgetTest {
    private static final double EPS = 1e-5;

    @Test
    void theGridsShowTheCoresNormalizationOfTheBatchDrawn() {
        for (String mode : new String[] {"batch", "layer"}) {
            View view = View.of("norm", "mode=" + mode + "&batch=5&features=3&gamma=1.5&beta=-0.4&seed=11");
            double[] x = view.grid("input", "data-values");
            assertEquals(15, x.length, "5 samples × 3 features");
            NormResult r = Normalization.run(mode, 5, 3, x, new double[] {1.5, 1.5, 1.5}, new double[] {-0.4, -0.4, -0.4}, EPS);
            assertArrayEquals(r.y(), view.grid("output", "data-values"), mode);
            assertArrayEquals(r.mean(), view.grid("input", "data-group-mean"), mode);
            assertArrayEquals(r.var(), view.grid("input", "data-group-var"), mode);
            assertEquals(r.y()[0], view.statValue("y"), "the formula's result is the first cell's output");
        }
    }

    @Test
    void batchNormAveragesDownEachColumnAndLayerNormAlongEachRow() {
        int m = 4;
        int d = 3;
        View batch = View.of("norm", "mode=batch&batch=4&features=3&seed=2");
        double[] x = batch.grid("input", "data-values");
        double[] columnMeans = batch.grid("input", "data-group-mean");
        assertEquals(d, columnMeans.length, "one mean per feature");
        for (int f = 0; f < d; f++) {
            double sum = 0;
            for (int s = 0; s < m; s++) {
                sum += x[s * d + f];
            }
            assertEquals(sum / m, columnMeans[f], 1e-12, "feature " + f);
        }
        View layer = View.of("norm", "mode=layer&batch=4&features=3&seed=2");
        double[] rowMeans = layer.grid("input", "data-group-mean");
        assertEquals(m, rowMeans.length, "one mean per sample");
        for (int s = 0; s < m; s++) {
            assertEquals((x[s * d] + x[s * d + 1] + x[s * d + 2]) / d, rowMeans[s], 1e-12, "sample " + s);
        }
    }

    @Test
    void theHighlightedGroupHoldsTheChosenCellsColumnOrRow() {
        int d = 4;
        for (int cell : new int[] {0, 6, 11}) {
            for (String mode : new String[] {"batch", "layer"}) {
                // The control counts cells from 1, as the readout does.
                View view = View.of("norm", "mode=" + mode + "&batch=3&features=4&cell=" + (cell + 1));
                double[] box = box(view);
                Matcher pick = Pattern.compile("<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([0-9.]+)\"[^>]*data-pick=\"cell:(\\d+)\"")
                        .matcher(view.html());
                int cells = 0;
                while (pick.find()) {
                    cells++;
                    int i = Integer.parseInt(pick.group(4)) - 1;
                    double cx = Double.parseDouble(pick.group(1)) + Double.parseDouble(pick.group(3)) / 2;
                    double cy = Double.parseDouble(pick.group(2)) + Double.parseDouble(pick.group(3)) / 2;
                    boolean inside = cx > box[0] && cx < box[0] + box[2] && cy > box[1] && cy < box[1] + box[3];
                    boolean shares = mode.equals("batch") ? i % d == cell % d : i / d == cell / d;
                    assertEquals(shares, inside, mode + ": cell " + i + " against chosen cell " + cell);
                }
                assertEquals(12, cells, "every input cell can be chosen");
            }
        }
    }

    /** The highlighted outline, written as {@code M x y h w v h h -w z}: x, y, w, h. */
    private static double[] box(View view) {
        Matcher m = Pattern.compile("class=\"window\" d=\"M([-0-9.]+) ([-0-9.]+)h([0-9.]+)v([0-9.]+)h").matcher(view.html());
        assertTrue(m.find(), "the chosen group is outlined");
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
    }

    @Test
    void aLargerBatchChangesTheFirstSamplesBatchNormButNotItsLayerNorm() {
        double[] few = View.of("norm", "mode=batch&batch=3&features=4").grid("input", "data-values");
        double[] more = View.of("norm", "mode=batch&batch=5&features=4").grid("input", "data-values");
        assertArrayEquals(few, Arrays.copyOf(more, few.length), "the first three samples stay as they were");
        double[] batch3 = View.of("norm", "mode=batch&batch=3&features=4").grid("output", "data-values");
        double[] batch5 = View.of("norm", "mode=batch&batch=5&features=4").grid("output", "data-values");
        assertTrue(batch3[0] != batch5[0], "BatchNorm: the first sample's output depends on the others");
        double[] layer3 = View.of("norm", "mode=layer&batch=3&features=4").grid("output", "data-values");
        double[] layer5 = View.of("norm", "mode=layer&batch=5&features=4").grid("output", "data-values");
        assertArrayEquals(layer3, Arrays.copyOf(layer5, layer3.length), "LayerNorm: it does not");
    }

    @Test
    void aBatchOfOneLeavesBatchNormNothingButBeta() {
        View batch = View.of("norm", "mode=batch&batch=1&features=4&gamma=2&beta=0.5");
        for (double y : batch.grid("output", "data-values")) {
            assertEquals(0.5, y, "x − μ is 0 in every feature");
        }
        for (double var : batch.grid("input", "data-group-var")) {
            assertEquals(0, var);
        }
        assertTrue(batch.stat("note").contains("输出全部等于 β"), batch.stat("note"));
        assertTrue(View.of("norm", "mode=batch&batch=1&beta=0").stat("note").contains("全为 0"));

        double[] layer = View.of("norm", "mode=layer&batch=1&features=4&gamma=2&beta=0.5").grid("output", "data-values");
        assertTrue(layer[0] != layer[1] || layer[1] != layer[2], "LayerNorm of the same sample still tells its features apart");
    }

    @Test
    void aBatchOfTwoLeavesBatchNormOnlyPlusOrMinusOne() {
        View view = View.of("norm", "mode=batch&batch=2&features=6&gamma=1&beta=0&seed=8");
        double[] x = view.grid("input", "data-values");
        double[] y = view.grid("output", "data-values");
        int checked = 0;
        for (int f = 0; f < 6; f++) {
            assertEquals(-y[f], y[6 + f], 1e-12, "the two samples mirror each other in feature " + f);
            if (Math.abs(x[f] - x[6 + f]) >= 0.2) {
                assertEquals(1, Math.abs(y[f]), 1e-3, "feature " + f);
                assertEquals(Math.signum(x[f] - x[6 + f]), Math.signum(y[f]), "the larger value gets +1");
                checked++;
            }
        }
        assertTrue(checked >= 3, "enough features whose two values differ: " + checked);
        assertTrue(view.stat("note").contains("只剩约 +1 和 −1"), view.stat("note"));
    }

    @Test
    void gammaAndBetaSetTheOutputsMeanAndVariance() {
        for (String mode : new String[] {"batch", "layer"}) {
            View view = View.of("norm", "mode=" + mode + "&batch=6&features=5&gamma=2.5&beta=1.2&cell=8&seed=3");
            double[] y = view.grid("output", "data-values");
            int group = mode.equals("batch") ? 7 % 5 : 7 / 5;
            double sum = 0;
            int n = 0;
            for (int i = 0; i < y.length; i++) {
                if ((mode.equals("batch") ? i % 5 : i / 5) == group) {
                    sum += y[i];
                    n++;
                }
            }
            double mean = sum / n;
            assertEquals(mean, view.statValue("groupMean"), 1e-12, mode);
            assertEquals(1.2, mean, 1e-12, mode + ": the output's mean is β, not 0");
            double var = view.grid("input", "data-group-var")[group];
            assertEquals(2.5 * 2.5 * var / (var + EPS), view.statValue("groupVar"), 1e-9, mode + ": the output's variance is γ², not 1");
            for (double groupMean : view.grid("output", "data-group-mean")) {
                assertEquals(1.2, groupMean, 1e-12, mode + ": every group's output mean, written under the output grid");
            }
        }
    }
}
