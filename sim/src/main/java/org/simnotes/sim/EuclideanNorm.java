package org.simnotes.sim;

/** The Euclidean norm of a vector, as the simulations report it for gradients and states. */
final class EuclideanNorm {

    private EuclideanNorm() {
    }

    /** ‖v‖₂, scaled so that large but finite gradients do not overflow when squared. */
    static double of(double[] v) {
        double scale = 0;
        for (int i = 0; i < v.length; i++) {
            double a = Math.abs(v[i]);
            if (a > scale || a != a) {
                scale = a;
            }
        }
        if (scale == 0 || scale != scale || scale == Double.POSITIVE_INFINITY) {
            return scale;
        }
        if (scale > 1e-150 && scale < 1e150) {
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                sum += v[i] * v[i];
            }
            return Math.sqrt(sum);
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            double r = v[i] / scale;
            sum += r * r;
        }
        return scale * Math.sqrt(sum);
    }
}
