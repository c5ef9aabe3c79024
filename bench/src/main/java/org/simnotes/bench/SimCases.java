package org.simnotes.bench;

/**
 * The inputs of the simulation benchmarks. The browser page ({@code sim-bench.js}) builds the same
 * arrays with the same formula, so the JVM and the page time the same work.
 */
final class SimCases {
    static final int DROPOUT_N = 65_536;
    static final double KEEP_PROB = 0.5;
    static final double SEED = 42;
    static final int GRID = 256;
    static final int RNN_INPUT = 16;
    static final int RNN_HIDDEN = 64;
    static final int RNN_STEPS = 200;

    /** Each widget at its largest allowed size (the controls' maxima): one update must fit in a frame. */
    static final String DROPOUT_WIDGET = "keepProb=0.5&n=256&seed=42&style=inverted&phase=train";
    static final String POOL_WIDGET = "mode=max&size=10&kernel=3&stride=1&padding=1&cell=1&seed=7";
    static final String RNN_WIDGET = "steps=40&scale=0.9&activation=tanh&hidden=8&t=40&seed=3";

    private SimCases() {
    }

    /** A value in [0, 1) that looks random and is the same in Java and JavaScript to many digits. */
    static double noise(int i) {
        double x = Math.sin(i * 12.9898 + 78.233) * 43758.5453;
        return x - Math.floor(x);
    }

    /** {@code n} values in [lo, hi), starting at noise index {@code from}. */
    static double[] values(int from, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * noise(from + i);
        }
        return v;
    }

    static double[] grid() {
        return values(0, GRID * GRID, -1, 1);
    }

    static double[] wxh() {
        return values(1_000_000, RNN_HIDDEN * RNN_INPUT, -0.25, 0.25);
    }

    /** Entries of ±1/√hidden keep the hidden state's scale roughly steady over the steps. */
    static double[] whh() {
        double r = 1 / Math.sqrt(RNN_HIDDEN);
        return values(2_000_000, RNN_HIDDEN * RNN_HIDDEN, -r, r);
    }

    static double[] bias() {
        return values(3_000_000, RNN_HIDDEN, -0.1, 0.1);
    }

    static double[] xs() {
        return values(4_000_000, RNN_STEPS * RNN_INPUT, -1, 1);
    }
}
