package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.simnotes.sim.PoolResult;
import org.simnotes.sim.Pooling;

/** The shift widget: a pattern moved right, pooled before and after, and what changed. */
class ShiftWidgetTest {
    private static final int H = ShiftWidget.HEIGHT;
    private static final int W = ShiftWidget.WIDTH;

    @Test
    void theShiftedGridIsTheOriginalMovedRight() {
        for (int d = 0; d <= 4; d++) {
            View view = View.of("shift", "shift=" + d + "&seed=4");
            double[] before = view.grid("input", "data-values");
            double[] after = view.grid("shifted", "data-values");
            int pattern = 0;
            for (int i = 0; i < before.length; i++) {
                int column = i % W;
                assertEquals(column >= d ? before[i - d] : 0, after[i], "d = " + d + ", cell " + i);
                pattern += before[i] != 0 ? 1 : 0;
            }
            assertEquals(9, pattern, "a 3×3 pattern on a background of zeros");
        }
    }

    @Test
    void theMarkedCellsAreThoseWhosePooledValueChanged() {
        for (String mode : new String[] {"max", "avg"}) {
            for (int k = 1; k <= 4; k++) {
                for (int s = 1; s <= 4; s++) {
                    for (int d = 0; d <= 4; d++) {
                        String query = "mode=" + mode + "&kernel=" + k + "&stride=" + s + "&shift=" + d + "&seed=" + (k * s + d);
                        View view = View.of("shift", query);
                        double[] y0 = pool(mode, k, s, view.grid("input", "data-values")).output();
                        double[] y1 = pool(mode, k, s, view.grid("shifted", "data-values")).output();
                        assertArrayEquals(y0, view.grid("output", "data-values"), query);
                        assertArrayEquals(y1, view.grid("shiftedOutput", "data-values"), query);
                        double[] marked = view.grid("shiftedOutput", "data-changed");
                        int same = 0;
                        for (int i = 0; i < y0.length; i++) {
                            assertEquals(y0[i] == y1[i] ? 0 : 1, marked[i], query + ", cell " + i);
                            same += y0[i] == y1[i] ? 1 : 0;
                        }
                        assertEquals(same, view.statValue("same"), query);
                        assertEquals(y0.length - same, squares(view, "changed"), query + ": one outline per changed cell");
                    }
                }
            }
        }
    }

    @Test
    void withStrideOneAnyShiftMovesTheOutputByAsManyCells() {
        for (String mode : new String[] {"max", "avg"}) {
            for (int k = 1; k <= 4; k++) {
                for (int d = 1; d <= 4; d++) {
                    View view = View.of("shift", "mode=" + mode + "&kernel=" + k + "&stride=1&shift=" + d);
                    PoolResult r0 = pool(mode, k, 1, view.grid("input", "data-values"));
                    double[] y1 = view.grid("shiftedOutput", "data-values");
                    assertTrue(moved(r0, y1, d), mode + " k=" + k + " d=" + d);
                    assertTrue(view.stat("relation").startsWith("正好是原输出整体右移 " + d + " 格"), view.stat("relation"));
                }
            }
        }
    }

    @Test
    void aShiftOfWholeStridesMovesTheOutputByWholeCells() {
        for (int d : new int[] {2, 4}) {
            View view = View.of("shift", "mode=max&kernel=2&stride=2&shift=" + d);
            PoolResult r0 = pool("max", 2, 2, view.grid("input", "data-values"));
            assertTrue(moved(r0, view.grid("shiftedOutput", "data-values"), d / 2), "d = " + d);
            assertTrue(view.stat("relation").startsWith("正好是原输出整体右移 " + (d / 2) + " 格"));
        }
    }

    @Test
    void aShiftOfPartOfAStrideChangesLocalOutputsButNotTheGlobalMax() {
        int changed = 0;
        for (int seed = 0; seed < 10; seed++) {
            View view = View.of("shift", "mode=max&kernel=2&stride=2&shift=1&seed=" + seed);
            double[] x = view.grid("input", "data-values");
            PoolResult r0 = pool("max", 2, 2, x);
            changed += r0.output().length - (int) view.statValue("same");
            assertTrue(view.stat("relation").contains("不是步长 2 的整数倍"));
            double largest = Pooling.globalMax(H, W, x).output()[0];
            assertEquals(largest, view.statValue("global"), "windows that tile the grid keep the largest value: seed " + seed);
        }
        assertTrue(changed > 0, "some outputs change when the pattern moves by half a stride");
    }

    private static PoolResult pool(String mode, int k, int s, double[] x) {
        return mode.equals("max") ? Pooling.max(H, W, k, s, 0, x) : Pooling.avg(H, W, k, s, 0, x);
    }

    /** Whether {@code after} is {@code before} moved {@code q} cells right, zeros coming in on the left. */
    private static boolean moved(PoolResult before, double[] after, int q) {
        int w = before.width();
        for (int i = 0; i < after.length; i++) {
            double expected = i % w >= q ? before.output()[i - q] : 0;
            if (after[i] != expected) {
                return false;
            }
        }
        return true;
    }

    /** How many squares the path of class {@code cls} draws (each starts with M). */
    private static int squares(View view, String cls) {
        Matcher m = Pattern.compile("<path class=\"" + cls + "\" d=\"([^\"]*)\"").matcher(view.html());
        return m.find() ? m.group(1).split("M", -1).length - 1 : 0;
    }
}
