package org.simnotes.sim;

/**
 * The error function and its complement to full double accuracy, by W. J. Cody's rational Chebyshev
 * approximations ("Rational Chebyshev approximations for the error function", Math. Comp. 23, 1969,
 * pp. 631–638), on three intervals of |x|: up to 0.46875, up to 4, and beyond. TeaVM's class library has
 * no erf, and GELU needs it.
 */
public final class Erf {

    private static final double THRESHOLD = 0.46875;
    /** Below this, x² underflows and erf(x) = 2x/√π to double precision. */
    private static final double X_SMALL = 1.11e-16;
    /** At and above this, erfc(x) is below the smallest double. */
    private static final double X_BIG = 26.543;
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;

    // erf(x) ≈ x·A(x²)/B(x²) for |x| ≤ 0.46875.
    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02,
        3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02,
        1.28261652607737228e03, 2.84423683343917062e03};
    // erfc(x) ≈ exp(−x²)·C(x)/D(x) for 0.46875 < x ≤ 4.
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00,
        6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
        2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02,
        5.37181101862009858e02, 1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
        3.43936767414372164e03, 1.23033935480374942e03};
    // erfc(x) ≈ exp(−x²)/x·(1/√π − P(1/x²)/Q(1/x²)/x²) for x > 4.
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1,
        1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346047e00,
        5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3};

    private Erf() {
    }

    /** erf(x) = 2/√π ∫₀ˣ e^(−t²) dt; odd, NaN for NaN. */
    public static double erf(double x) {
        double y = Math.abs(x);
        if (y <= THRESHOLD) {
            return small(x);
        }
        double r = 1 - tail(y);
        return x < 0 ? -r : r;
    }

    /** erfc(x) = 1 − erf(x), without the cancellation: keeps its relative accuracy down to about 1e-308. */
    public static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= THRESHOLD) {
            return 1 - small(x);
        }
        double r = tail(y);
        return x < 0 ? 2 - r : r;
    }

    /** erf(x) for |x| ≤ 0.46875. */
    private static double small(double x) {
        double y = Math.abs(x);
        double ysq = y > X_SMALL ? y * y : 0;
        double num = A[4] * ysq;
        double den = ysq;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * ysq;
            den = (den + B[i]) * ysq;
        }
        return x * (num + A[3]) / (den + B[3]);
    }

    /** erfc(y) for y > 0.46875 (NaN for NaN). */
    private static double tail(double y) {
        double r;
        if (y <= 4) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            r = (num + C[7]) / (den + D[7]);
        } else {
            if (y >= X_BIG) {
                return 0;
            }
            double z = 1 / (y * y);
            double num = P[5] * z;
            double den = z;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * z;
                den = (den + Q[i]) * z;
            }
            r = (ONE_OVER_SQRT_PI - z * (num + P[4]) / (den + Q[4])) / y;
        }
        return expMinusSquare(y) * r;
    }

    /**
     * e^(−y²) with y² split as s² + (y − s)(y + s), s = y rounded down to a sixteenth: s² is exact, so the
     * rounding error of y², amplified by the exponential for large y, never arises.
     */
    private static double expMinusSquare(double y) {
        double s = Math.floor(y * 16) / 16;
        return Math.exp(-s * s) * Math.exp(-(y - s) * (y + s));
    }
}
