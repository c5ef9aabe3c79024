package org.simnotes.sim;

/** The output grid of a pooling operation, row-major, and for max pooling where each value came from. */
public final class PoolResult {

    private final int height;
    private final int width;
    private final double[] output;
    private final int[] argmax;

    PoolResult(int height, int width, double[] output, int[] argmax) {
        this.height = height;
        this.width = width;
        this.output = output;
        this.argmax = argmax;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** {@code height * width} values, row-major. */
    public double[] output() {
        return output;
    }

    /** For max pooling, the index into the input of each output value; {@code null} for average pooling. */
    public int[] argmax() {
        return argmax;
    }
}
