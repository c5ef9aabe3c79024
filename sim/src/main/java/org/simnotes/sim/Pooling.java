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
        return grid(height, width, input).max(kernel, stride, padding);
    }

    /** Average pooling; padding cells count as zeros in the {@code kernel²} divisor. */
    public static PoolResult avg(double height, double width, double kernel, double stride, double padding,
            double[] input) {
        return grid(height, width, input).avg(kernel, stride, padding);
    }

    /**
     * The grid checked once (its sizes, and finite values), to pool with any kernel, stride and padding
     * without checking it again. It keeps {@code input}, not a copy: the caller leaves it unchanged.
     */
    public static Grid grid(double height, double width, double[] input) {
        int[] size = checkGrid(height, width, input);
        return new Grid(size[0], size[1], input);
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

    /** A checked grid of {@code height × width} finite values, row-major. */
    public static final class Grid {
        private final int height;
        private final int width;
        private final double[] input;

        private Grid(int height, int width, double[] input) {
            this.height = height;
            this.width = width;
            this.input = input;
        }

        /** Max pooling of this grid, as {@link Pooling#max}. */
        public PoolResult max(double kernel, double stride, double padding) {
            Window window = new Window(height, width, kernel, stride, padding);
            int outW = window.outW;
            double[] output = new double[window.outH * outW];
            int[] argmax = new int[output.length];
            double[] x = input;
            for (int oy = 0, o = 0; oy < window.outH; oy++) {
                int rowFrom = window.from(oy) * width;
                int rowTo = window.to(oy, height) * width;
                for (int ox = 0; ox < outW; ox++, o++) {
                    int xFrom = window.from(ox);
                    int xTo = window.to(ox, width);
                    // Every window holds at least one real cell because padding <= kernel / 2. The best value is
                    // kept in a local, not read again at its index: in the page that read cost a fifth of the loop.
                    int best = rowFrom + xFrom;
                    double bestValue = x[best];
                    for (int row = rowFrom; row < rowTo; row += width) {
                        for (int i = row + xFrom, end = row + xTo; i < end; i++) {
                            if (x[i] > bestValue) {
                                bestValue = x[i];
                                best = i;
                            }
                        }
                    }
                    output[o] = bestValue;
                    argmax[o] = best;
                }
            }
            return new PoolResult(window.outH, outW, output, argmax);
        }

        /** Average pooling of this grid, as {@link Pooling#avg}. */
        public PoolResult avg(double kernel, double stride, double padding) {
            Window window = new Window(height, width, kernel, stride, padding);
            int outW = window.outW;
            double[] output = new double[window.outH * outW];
            double area = (double) window.k * window.k;
            double[] x = input;
            for (int oy = 0, o = 0; oy < window.outH; oy++) {
                int rowFrom = window.from(oy) * width;
                int rowTo = window.to(oy, height) * width;
                for (int ox = 0; ox < outW; ox++, o++) {
                    int xFrom = window.from(ox);
                    int xTo = window.to(ox, width);
                    double sum = 0;
                    for (int row = rowFrom; row < rowTo; row += width) {
                        for (int i = row + xFrom, end = row + xTo; i < end; i++) {
                            sum += x[i];
                        }
                    }
                    output[o] = sum / area;
                }
            }
            return new PoolResult(window.outH, outW, Check.finiteResult("output", output, AVG_OVERFLOW), null);
        }
    }

    /** Kernel, stride and padding checked against a grid; the cells of each window along one axis. */
    private static final class Window {
        final int k;
        final int s;
        final int p;
        final int outH;
        final int outW;

        Window(int height, int width, double kernel, double stride, double padding) {
            k = Check.integer("kernel", kernel, 1, MAX_KERNEL);
            s = Check.integer("stride", stride, 1, MAX_STRIDE);
            p = checkPadding(padding, k);
            checkFits("height", height, k, p);
            checkFits("width", width, k, p);
            outH = (height + 2 * p - k) / s + 1;
            outW = (width + 2 * p - k) / s + 1;
        }

        /** The first real cell of window {@code o}: padding cells are left out. */
        int from(int o) {
            return Math.max(o * s - p, 0);
        }

        /** One past the last real cell of window {@code o} on an axis of {@code n} cells. */
        int to(int o, int n) {
            return Math.min(o * s - p + k, n);
        }
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
