package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.simnotes.sim.ClipResult;
import org.simnotes.sim.GradientClip;

/** One gradient clipped by value and by norm, as a learner checks the two arrows and the numbers under them. */
class ClipWidgetTest {

    private static String query(double g1, double g2, double c) {
        return "g1=" + fmt(g1) + "&g2=" + fmt(g2) + "&threshold=" + fmt(c);
    }

    private static String fmt(double v) {
        return v == Math.floor(v) ? Integer.toString((int) v) : Double.toString(v);
    }

    @Test
    void eachArrowEndsWhereTheCorePutsTheClippedGradient() {
        View view = View.of("clip", query(8, 3, 5));
        double[] g = {8, 3};
        ClipResult byValue = GradientClip.clip(GradientClip.VALUE, 5, g);
        ClipResult byNorm = GradientClip.clip(GradientClip.NORM, 5, g);
        assertArrayEquals(byValue.clipped(), View.list(view.svg("data-mode=\"value\""), "data-values"), 0.0);
        assertArrayEquals(byNorm.clipped(), View.list(view.svg("data-mode=\"norm\""), "data-values"), 0.0);
        assertEquals(byValue.normBefore(), view.statValue("normBefore"), 0.0);
        assertEquals(byValue.normAfter(), view.statValue("valueNormAfter"), 0.0);
        assertEquals(byNorm.normAfter(), view.statValue("normNormAfter"), 0.0);
        assertTrue(view.stat("normBefore").contains("‖g‖ = 8.544"), view.stat("normBefore"));
        assertTrue(view.stat("valueNormAfter").startsWith("(5.00, 3.00)"), view.stat("valueNormAfter"));
    }

    @Test
    void normClippingKeepsTheDirectionAndShortensTheArrowToTheThreshold() {
        for (double g1 = -10; g1 <= 10; g1 += 2.5) {
            for (double g2 = -10; g2 <= 10; g2 += 3.5) {
                for (double c : new double[] {0.5, 3, 10}) {
                    View view = View.of("clip", query(g1, g2, c));
                    double norm = Math.hypot(g1, g2);
                    String where = "g = (" + g1 + ", " + g2 + "), c = " + c;
                    assertEquals(0, view.statValue("normTurn"), 1e-6, where);
                    assertEquals(Math.min(norm, c), view.statValue("normNormAfter"), 1e-12 * norm, where);
                    double[] clipped = View.list(view.svg("data-mode=\"norm\""), "data-values");
                    assertEquals(0, g1 * clipped[1] - g2 * clipped[0], 1e-12 * norm * norm, where + ": parallel to g");
                    assertTrue(g1 * clipped[0] + g2 * clipped[1] > 0, where + ": and pointing the same way");
                }
            }
        }
    }

    @Test
    void valueClippingCutsEachComponentAndTurnsTheArrowWhenOnlyOneIsCut() {
        View view = View.of("clip", query(8, 3, 5));
        // (8, 3) becomes (5, 3): its angle from the g₁ axis goes from atan(3/8) to atan(3/5).
        double turn = Math.toDegrees(Math.atan2(3, 5) - Math.atan2(3, 8));
        assertEquals(turn, view.statValue("valueTurn"), 1e-9);
        assertTrue(view.stat("valueTurn").startsWith("10.4"), view.stat("valueTurn"));
        for (double c : new double[] {0.5, 2, 7.5}) {
            double[] clipped = View.list(View.of("clip", query(-9.5, 6, c)).svg("data-mode=\"value\""), "data-values");
            assertEquals(Math.max(-c, -9.5), clipped[0], 0.0);
            assertEquals(Math.min(c, 6), clipped[1], 0.0);
        }
    }

    @Test
    void whenBothComponentsAreCutEquallyValueClippingKeepsTheDirectionToo() {
        View view = View.of("clip", query(-10, 10, 2));
        assertEquals(0, view.statValue("valueTurn"), 1e-9);
        assertEquals(Math.sqrt(8), view.statValue("valueNormAfter"), 1e-12, "(−2, 2) is longer than c: value clipping bounds components, not length");
    }

    @Test
    void aGradientWithinTheThresholdIsLeftAloneBothWays() {
        View view = View.of("clip", query(1, -2, 5));
        assertArrayEquals(new double[] {1, -2}, View.list(view.svg("data-mode=\"value\""), "data-values"), 0.0);
        assertArrayEquals(new double[] {1, -2}, View.list(view.svg("data-mode=\"norm\""), "data-values"), 0.0);
        assertEquals(view.statValue("normBefore"), view.statValue("normNormAfter"), 0.0);
    }

    @Test
    void aZeroGradientIsDrawnWithoutNumbersItCannotHave() {
        View view = View.of("clip", query(0, 0, 5));
        assertFalse(view.html().contains("NaN"), "no NaN drawn or carried");
        assertTrue(view.stat("valueTurn").contains("零向量没有方向"), view.stat("valueTurn"));
        assertEquals(0, view.statValue("normBefore"), 0.0);
        assertFalse(view.hasStatValue("normTurn"), "a zero gradient has no direction to turn");
    }
}
