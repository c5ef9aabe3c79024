package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.simnotes.sim.PositionalEncoding;
import org.simnotes.simapi.WidgetState;

/** The positional-encoding view: the core's table, a row per dimension, and the curves of one pair. */
class PosencWidgetTest {
    private final PosencWidget widget = new PosencWidget();

    @Test
    void theTableIsTheCoresEncodingWithARowPerDimension() {
        View view = View.of(widget, "n=12&d=8&pair=0");
        double[] pe = PositionalEncoding.encode(12, 8);
        double[] table = view.values("encoding");
        assertEquals("8", view.attrAfter("data-grid=\"encoding\"", "data-rows"));
        assertEquals("12", view.attrAfter("data-grid=\"encoding\"", "data-cols"));
        for (int p = 0; p < 12; p++) {
            for (int k = 0; k < 8; k++) {
                assertEquals(pe[p * 8 + k], table[k * 12 + p], 0.0, "position " + p + " dimension " + k);
            }
        }
    }

    @Test
    void theCurvesAreTheSineAndCosineOfThePairsFrequency() {
        for (int pair = 0; pair < 8; pair++) {
            View view = View.of(widget, "n=32&d=16&pair=" + pair);
            double omega = 1 / Math.pow(10000, 2.0 * pair / 16);
            double[] sin = view.values("sin");
            double[] cos = view.values("cos");
            assertEquals(32, sin.length);
            for (int p = 0; p < 32; p++) {
                assertEquals(Math.sin(p * omega), sin[p], 1e-12, "pair " + pair + " p " + p);
                assertEquals(Math.cos(p * omega), cos[p], 1e-12, "pair " + pair + " p " + p);
            }
            assertEquals(2 * Math.PI / omega, Double.parseDouble(view.statExact("wavelength")), 1e-9 * (2 * Math.PI / omega));
        }
    }

    @Test
    void higherPairsChangeMoreSlowly() {
        double previous = Double.MAX_VALUE;
        for (int pair = 0; pair < 8; pair++) {
            double[] sin = View.of(widget, "n=32&d=16&pair=" + pair).values("sin");
            double change = 0;
            for (int p = 1; p < sin.length; p++) {
                change += Math.abs(sin[p] - sin[p - 1]);
            }
            assertTrue(change < previous, "pair " + pair + " moves less than the one before: " + change);
            previous = change;
        }
    }

    @Test
    void thePairStaysWithinTheDimensions() {
        WidgetState s = WidgetState.fromQuery(widget, "d=6&pair=7");
        assertTrue(s.query().contains("pair=2"), s.query());
        assertTrue(s.render().contains("data-limits=\"pair:2\""));
    }
}
