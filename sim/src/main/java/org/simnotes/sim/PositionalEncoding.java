package org.simnotes.sim;

import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;

/**
 * The Transformer's sinusoidal positional encoding: for position p and dimension pair i,
 * pe[p][2i] = sin(p / 10000^(2i/d)) and pe[p][2i+1] = cos(p / 10000^(2i/d)), row-major, p = 0 … n−1.
 */
public final class PositionalEncoding {

    /** Most positions, and most dimensions, in one call. */
    public static final int MAX_POSITIONS = 4096;
    public static final int MAX_D_MODEL = 1024;

    private PositionalEncoding() {
    }

    /** The n × d table, flat and row-major. */
    public static double[] encode(double positions, double dModel) {
        int n = Check.integer("positions", positions, 1, MAX_POSITIONS);
        int d = Check.integer("dModel", dModel, 2, MAX_D_MODEL);
        if (d % 2 != 0) {
            throw new SimException("dModel", "dModel must be even, as sines and cosines come in pairs, got " + d);
        }
        double[] pe = new double[n * d];
        for (int i = 0; i < d / 2; i++) {
            double frequency = Math.pow(10000, -2.0 * i / d);
            for (int p = 0; p < n; p++) {
                double angle = p * frequency;
                pe[p * d + 2 * i] = Math.sin(angle);
                pe[p * d + 2 * i + 1] = Math.cos(angle);
            }
        }
        return pe;
    }
}
