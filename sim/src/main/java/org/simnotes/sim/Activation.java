package org.simnotes.sim;

import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;

/**
 * The common activation functions and their derivatives, element by element. At x = 0 the derivative is
 * the left-hand one, as autograd gives: relu 0, leaky_relu α, elu α. gelu is the exact x·Φ(x), not the
 * tanh approximation; softplus is log(1 + eˣ) with no threshold.
 */
public final class Activation {

    public static final String SIGMOID = "sigmoid";
    public static final String TANH = "tanh";
    public static final String RELU = "relu";
    public static final String LEAKY_RELU = "leaky_relu";
    public static final String ELU = "elu";
    public static final String GELU = "gelu";
    public static final String SILU = "silu";
    public static final String SOFTPLUS = "softplus";

    private static final String[] NAMES = {SIGMOID, TANH, RELU, LEAKY_RELU, ELU, GELU, SILU, SOFTPLUS};

    /** leaky_relu's slope for x < 0 when none is given (PyTorch's default). */
    public static final double LEAKY_RELU_ALPHA = 0.01;
    /** elu's α when none is given (PyTorch's default). */
    public static final double ELU_ALPHA = 1.0;
    /** Largest α: beyond it the negative side stops being a small leak. */
    public static final double MAX_ALPHA = 10;
    /** Most values in one call, as for {@link Dropout#MAX_N}. */
    public static final int MAX_N = 1 << 20;

    private static final double ONE_OVER_SQRT_2 = 0.7071067811865476;
    private static final double ONE_OVER_SQRT_2PI = 0.3989422804014327;

    private Activation() {
    }

    /** The function names, in the order a page lists them. */
    public static String[] names() {
        return NAMES.clone();
    }

    /** {@code fn} and its derivative at each of {@code x}, with the default α of leaky_relu and elu. */
    public static ActivationResult apply(String fn, double[] x) {
        int f = index(fn);
        return apply(f, x, NAMES[f].equals(ELU) ? ELU_ALPHA : LEAKY_RELU_ALPHA);
    }

    /** {@code fn} and its derivative at each of {@code x}; {@code alpha} is used by leaky_relu and elu only. */
    public static ActivationResult apply(String fn, double[] x, double alpha) {
        return apply(index(fn), x, Check.range("alpha", alpha, 0, MAX_ALPHA));
    }

    private static ActivationResult apply(int f, double[] x, double alpha) {
        if (x == null) {
            throw new SimException("x", "x is missing: expected 1 to " + MAX_N + " values");
        }
        if (x.length < 1 || x.length > MAX_N) {
            throw new SimException("x", "x must hold 1 to " + MAX_N + " values, got " + x.length);
        }
        Check.finiteArray("x", x, x.length, "x.length");
        String fn = NAMES[f];
        double[] y = new double[x.length];
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            switch (fn) {
                case SIGMOID -> {
                    y[i] = sigmoid(v);
                    // σ(x)·σ(−x), not σ(1 − σ): 1 − σ(x) loses every digit once σ(x) rounds to 1.
                    grad[i] = y[i] * sigmoid(-v);
                }
                case TANH -> {
                    y[i] = Math.tanh(v);
                    grad[i] = 1 - y[i] * y[i];
                }
                case RELU -> {
                    y[i] = v > 0 ? v : 0.0;
                    grad[i] = v > 0 ? 1 : 0;
                }
                case LEAKY_RELU -> {
                    y[i] = v > 0 ? v : alpha * v;
                    grad[i] = v > 0 ? 1 : alpha;
                }
                case ELU -> {
                    y[i] = v > 0 ? v : alpha * Math.expm1(v);
                    grad[i] = v > 0 ? 1 : alpha * Math.exp(v);
                }
                case GELU -> {
                    // Φ(x) = erfc(−x/√2)/2 keeps its relative accuracy far into the left tail.
                    double cdf = 0.5 * Erf.erfc(-v * ONE_OVER_SQRT_2);
                    y[i] = v * cdf;
                    grad[i] = cdf + v * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * v * v);
                }
                case SILU -> {
                    double s = sigmoid(v);
                    y[i] = v * s;
                    grad[i] = s + v * s * sigmoid(-v);
                }
                default -> {
                    // softplus: max(x, 0) + log1p(e^(−|x|)), the same value without overflowing e^x.
                    y[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
                    grad[i] = sigmoid(v);
                }
            }
        }
        Check.finiteResult("y", y, "alpha·x passes 1.8e308; use a smaller alpha or x");
        return new ActivationResult(y, grad);
    }

    /** 1/(1 + e^(−x)), computed from e^(−|x|) so that nothing overflows. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    private static int index(String fn) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(fn)) {
                return i;
            }
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            names.append(i == 0 ? "" : i == NAMES.length - 1 ? " or " : ", ").append('"').append(NAMES[i]).append('"');
        }
        throw new SimException("fn", "fn must be " + names + ", got " + (fn == null ? "nothing" : "\"" + fn + "\""));
    }
}
