package org.simnotes.sim;

import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;

/**
 * Gradient clipping. By value, each entry is clamped to [−t, t], which can turn the gradient's direction;
 * by norm, the whole gradient is scaled by t/‖g‖ when ‖g‖ > t, which keeps its direction.
 */
public final class GradientClip {

    public static final String VALUE = "value";
    public static final String NORM = "norm";
    /** Most entries in one call, as for {@link Dropout#MAX_N}. */
    public static final int MAX_N = 1 << 20;

    private GradientClip() {
    }

    public static ClipResult clip(String mode, double threshold, double[] g) {
        if (!VALUE.equals(mode) && !NORM.equals(mode)) {
            throw new SimException("mode", "mode must be \"value\" or \"norm\", got \"" + mode + "\"");
        }
        if (!(threshold > 0 && threshold <= Double.MAX_VALUE)) {
            throw new SimException("threshold", "threshold must be a number above 0, got " + Check.show(threshold));
        }
        if (g == null || g.length == 0 || g.length > MAX_N) {
            throw new SimException("g", "g must hold 1 to " + MAX_N + " values, got " + (g == null ? 0 : g.length));
        }
        Check.finiteArray("g", g, g.length, "g.length");
        double before = EuclideanNorm.of(g);
        if (before == Double.POSITIVE_INFINITY) {
            throw new SimException("g", "normBefore overflows a double: the norm of g passes 1.8e308; scale g down");
        }
        double[] clipped = new double[g.length];
        if (VALUE.equals(mode)) {
            for (int i = 0; i < g.length; i++) {
                clipped[i] = Math.max(-threshold, Math.min(threshold, g[i]));
            }
        } else {
            double scale = before > threshold ? threshold / before : 1;
            for (int i = 0; i < g.length; i++) {
                clipped[i] = g[i] * scale;
            }
        }
        return new ClipResult(clipped, before, EuclideanNorm.of(clipped));
    }
}
