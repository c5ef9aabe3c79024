package org.simnotes.sim;

/** An activation function and its derivative at each input. */
public final class ActivationResult {

    private final double[] y;
    private final double[] grad;

    ActivationResult(double[] y, double[] grad) {
        this.y = y;
        this.grad = grad;
    }

    /** f(x) at each input. */
    public double[] y() {
        return y;
    }

    /** f′(x) at each input; at x = 0 the left-hand derivative. */
    public double[] grad() {
        return grad;
    }
}
