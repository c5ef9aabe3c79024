package org.simnotes.sim;

/** The logistic function σ(x) = 1 / (1 + e^−x), the gate of the LSTM and the GRU. */
final class Sigmoid {

    private Sigmoid() {
    }

    static double of(double x) {
        // For x < 0, e^x / (1 + e^x): e^−x would overflow to ∞ below −709 and lose σ's tiny values.
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
