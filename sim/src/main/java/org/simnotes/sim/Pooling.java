package org.simnotes.sim;

import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;

/**
 * 2D max and average pooling over one channel, with the semantics of PyTorch's {@code MaxPool2d} and
 * {@code AvgPool2d} ({@code ceil_mode=False}, {@code count_include_pad=True}): output size
 * {@code floor((n + 2·padding − kernel) / stride) + 1}, zero padding that never wins a max, and averages
 * that divide by {@code kernel²}. Grids are {@code height × width}, row-major.
 */
public final class Pooling {

    /** Largest grid side. */
    public static final int MAX_SIZE = 1024;
    /** Largest kernel side. */
    public static final int MAX_KERNEL = 16;
    /** Largest stride. */
    public static final int MAX_STRIDE = 16;

    private static final String AVG_OVERFLOW = "the sum of its window passes 1.8e308; scale the input down";

    private Pooling() {
    }

    /** The output length along one axis of {@code n} cells, after validating all four values. */
    public static int outputSize(double n, double kernel, double stride, double padding) {
        int size = Check.integer("n", n, 1, MAX_SIZE);
        int k = Check.integer("kernel", kernel, 1, MAX_KERNEL);
        int s = Check.integer("stride", stride, 1, MAX_STRIDE);
        int p = checkPadding(padding, k);
        checkFits("n", size, k, p);
        return (size + 2 * p - k) / s + 1;
    }

    /** Max pooling; the result carries the argmax (first in row-major window order on ties). */
    public static PoolResult max(double height, double width, double kernel, double stride, double padding,
            double[] input) {
        return pool(true, height, width, kernel, stride, padding, input);
    }

    /** Average pooling; padding cells count as zeros in the {@code kernel²} divisor. */
    public static PoolResult avg(double height, double width, double kernel, double stride, double padding,
            double[] input) {
        return pool(false, height, width, kernel, stride, padding, input);
    }

    /** Global max pooling: a 1×1 result holding the largest value and the index of its first occurrence. */
    public static PoolResult globalMax(double height, double width, double[] input) {
        checkGrid(height, width, input);
        int best = 0;
        for (int i = 1; i < input.length; i++) {
            if (input[i] > input[best]) {
                best = i;
            }
        }
        return new PoolResult(1, 1, new double[] {input[best]}, new int[] {best});
    }

    /** Global average pooling: a 1×1 result holding the mean of the grid. */
    public static PoolResult globalAvg(double height, double width, double[] input) {
        checkGrid(height, width, input);
        double sum = 0;
        for (int i = 0; i < input.length; i++) {
            sum += input[i];
        }
        double[] mean = Check.finiteResult("output", new double[] {sum / input.length}, AVG_OVERFLOW);
        return new PoolResult(1, 1, mean, null);
    }

    private static PoolResult pool(boolean isMax, double height, double width, double kernel, double stride,
            double padding, double[] input) {
        int[] grid = checkGrid(height, width, input);
        int h = grid[0];
        int w = grid[1];
        int k = Check.integer("kernel", kernel, 1, MAX_KERNEL);
        int s = Check.integer("stride", stride, 1, MAX_STRIDE);
        int p = checkPadding(padding, k);
        checkFits("height", h, k, p);
        checkFits("width", w, k, p);

        int outH = (h + 2 * p - k) / s + 1;
        int outW = (w + 2 * p - k) / s + 1;
        double[] output = new double[outH * outW];
        int[] argmax = isMax ? new int[outH * outW] : null;
        double area = (double) k * k;
        for (int oy = 0; oy < outH; oy++) {
            int y0 = oy * s - p;
            int yFrom = Math.max(y0, 0);
            int yTo = Math.min(y0 + k, h);
            for (int ox = 0; ox < outW; ox++) {
                int x0 = ox * s - p;
                int xFrom = Math.max(x0, 0);
                int xTo = Math.min(x0 + k, w);
                int o = oy * outW + ox;
                if (isMax) {
                    // Every window holds at least one real cell because padding <= kernel / 2.
                    int best = yFrom * w + xFrom;
                    for (int y = yFrom; y < yTo; y++) {
                        for (int x = xFrom; x < xTo; x++) {
                            int i = y * w + x;
                            if (input[i] > input[best]) {
                                best = i;
                            }
                        }
                    }
                    output[o] = input[best];
                    argmax[o] = best;
                } else {
                    double sum = 0;
                    for (int y = yFrom; y < yTo; y++) {
                        for (int x = xFrom; x < xTo; x++) {
                            sum += input[y * w + x];
                        }
                    }
                    output[o] = sum / area;
                }
            }
        }
        return new PoolResult(outH, outW, isMax ? output : Check.finiteResult("output", output, AVG_OVERFLOW), argmax);
    }

    /** The grid's height and width, checked, with the input holding height × width finite values. */
    private static int[] checkGrid(double height, double width, double[] input) {
        int h = Check.integer("height", height, 1, MAX_SIZE);
        int w = Check.integer("width", width, 1, MAX_SIZE);
        Check.finiteArray("input", input, h * w, "height*width");
        return new int[] {h, w};
    }

    private static int checkPadding(double padding, int kernel) {
        int p = Check.integer("padding", padding, 0, MAX_KERNEL / 2);
        if (p > kernel / 2) {
            throw new SimException("padding", "padding must be at most kernel/2 = " + (kernel / 2)
                    + ", got " + p);
        }
        return p;
    }

    private static void checkFits(String name, int size, int kernel, int padding) {
        if (kernel > size + 2 * padding) {
            throw new SimException("kernel", "kernel must be at most " + name + " + 2*padding = "
                    + (size + 2 * padding) + ", got " + kernel);
        }
    }
}
