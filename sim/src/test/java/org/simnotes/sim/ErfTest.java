package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** erf and erfc against values computed to 50 digits (mpmath) and rounded to the nearest double. */
class ErfTest {

    private static final double REL = 1e-15;

    private static void assertRelative(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= REL * Math.abs(expected),
                what + ": expected " + expected + " within " + REL + " relative, got " + actual);
    }

    @Test
    void erfMatchesKnownValues() {
        double[][] cases = {
            {0.5, 0.5204998778130465}, {1, 0.8427007929497149}, {2, 0.9953222650189527},
            {-1, -0.8427007929497149}, {3, 0.9999779095030014}, {-2.5, -0.999593047982555},
            {0.1, 0.1124629160182849}, {0.75, 0.7111556336535151}, {1.5, 0.9661051464753108},
            {5, 0.9999999999984626},
            // Either side of the interval bounds 0.46875 and 4.
            {0.46875, 0.49261347321793797}, {0.46875000000000006, 0.492613473217938},
            {3.999999999999999, 0.9999999845827421}, {4.000000000000001, 0.9999999845827421},
            // Tiny: 2x/√π.
            {1e-20, 1.1283791670955125e-20}, {1e-300, 1.1283791670955126e-300},
            {-1e-300, -1.1283791670955126e-300},
            // Large: 1 to double precision, and the limits.
            {6, 1}, {-6, -1}, {10, 1}, {27, 1}, {1e300, 1},
            {Double.POSITIVE_INFINITY, 1}, {Double.NEGATIVE_INFINITY, -1},
        };
        for (double[] c : cases) {
            assertRelative(c[1], Erf.erf(c[0]), "erf(" + c[0] + ")");
        }
        assertEquals(0.0, Erf.erf(0.0), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Erf.erf(-0.0)), "erf(−0) = −0");
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
    }

    @Test
    void erfcKeepsItsRelativeAccuracyInTheFarTail() {
        double[][] cases = {
            {0.1, 0.887537083981715}, {0.46875, 0.507386526782062}, {0.46875000000000006, 0.507386526782062},
            {0.75, 0.28884436634648486}, {1.5, 0.033894853524689274},
            {3.999999999999999, 1.5417257900280132e-08}, {4.000000000000001, 1.5417257900279907e-08},
            {5, 1.537459794428035e-12}, {6, 2.1519736712498913e-17}, {10, 2.088487583762545e-45},
            {20, 5.395865611607901e-176}, {26, 5.663192408856143e-296},
            // x² not exact in a double: e^(−x²) must not take on its rounding error.
            {2.71828, 0.00012093231511031904}, {4.3, 1.1934717937220432e-09},
            {7.123456789, 7.192406315803931e-24}, {13.7, 1.2613158337408749e-83}, {25.3, 2.293036860845902e-280},
            {-2.5, 1.999593047982555}, {-6, 2}, {1e-20, 1}, {0, 1},
        };
        for (double[] c : cases) {
            assertRelative(c[1], Erf.erfc(c[0]), "erfc(" + c[0] + ")");
        }
        assertEquals(0.0, Erf.erfc(27), 0.0, "below the smallest double");
        assertEquals(2.0, Erf.erfc(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(Erf.erfc(Double.NaN)));
    }

    @Test
    void erfIsOddAndErfcItsComplementEverywhere() {
        for (double x = -8; x <= 8; x += 1.0 / 64) {
            assertEquals(-Erf.erf(x), Erf.erf(-x), 0.0, "odd at " + x);
            assertEquals(1.0, Erf.erf(x) + Erf.erfc(x), 4e-16, "erf + erfc = 1 at " + x);
        }
    }
}
