package org.simnotes.sim;

/** {@code out = w·x + b} for a row-major {@code rows×cols} matrix: the gate inputs of the recurrent cells. */
final class Affine {

    /** Why a cell refuses a request whose gate input is not finite. */
    static final String GATE_OVERFLOW = "the input to a gate passes 1.8e308; use smaller weights or inputs";

    private Affine() {
    }

    /** Writes {@code w·x[xOff … xOff+cols) + b} into {@code out[0 … rows)}. */
    static void apply(double[] out, double[] w, double[] b, double[] x, int xOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                sum += w[row + j] * x[xOff + j];
            }
            out[r] = sum + b[r];
        }
    }
}
