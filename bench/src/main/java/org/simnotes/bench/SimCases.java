package org.simnotes.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the simulation benchmarks. The browser page ({@code sim-bench.js}) builds the same
 * arrays with the same formula, and takes the widget states from here, so the JVM and the page time the
 * same work.
 */
final class SimCases {
    static final int DROPOUT_N = 65_536;
    static final double KEEP_PROB = 0.5;
    static final double SEED = 42;
    static final int GRID = 256;
    static final int RNN_INPUT = 16;
    static final int RNN_HIDDEN = 64;
    static final int RNN_STEPS = 200;

    /**
     * Each widget at its largest allowed size (the controls' maxima, the heaviest choice): one update must fit
     * in a frame. The keys are the names of the JMH parameter values.
     */
    static final Map<String, String> WIDGETS = new LinkedHashMap<>();

    static {
        WIDGETS.put("dropout", "keepProb=0.5&n=256&seed=42&style=inverted&phase=train");
        WIDGETS.put("pool", "mode=max&size=10&kernel=3&stride=1&padding=1&cell=1&seed=7");
        WIDGETS.put("rnn", "steps=40&scale=0.9&activation=tanh&hidden=8&t=40&seed=3");
        WIDGETS.put("deep", "activation=relu&layers=50&scale=3&seed=1");
        WIDGETS.put("clip", "g1=-10&g2=10&threshold=0.5");
        WIDGETS.put("norm", "mode=batch&batch=6&features=6&gamma=1&beta=0&cell=1&seed=5");
        WIDGETS.put("activation", "fn=gelu&spread=5&tau=0.01&seed=1");
        WIDGETS.put("shift", "mode=avg&kernel=2&stride=1&shift=4&seed=3");
        WIDGETS.put("mask", "rate=0.5&seed=5");
        WIDGETS.put("attention", "n=8&dk=128&scale=unscaled&mask=causal&seed=1");
        WIDGETS.put("posenc", "n=32&d=16&pair=7");
        WIDGETS.put("parallel", "n=8&phase=decode&step=8");
        WIDGETS.put("lstm", "steps=30&bias=5&t=30&seed=4");
        WIDGETS.put("gru", "steps=30&bias=-3&t=30&seed=4");
        WIDGETS.put("embedding", "word=plane&other=cat&d=8&seed=11");
    }

    // The cores as the widgets above call them, at the same sizes (the inputs drawn here, not by the widget).
    /** DeepWidget: 50 layers of 16 units, ReLU, weight scale 3 (it runs the plain and the residual net). */
    static final int DEEP_LAYERS = 50;
    static final int DEEP_WIDTH = 16;
    /** AttentionWidget: 8 tokens, 128 dimensions, causal, the keys doubling as values. */
    static final int ATTENTION_N = 8;
    static final int ATTENTION_D = 128;
    /** LstmWidget and GruWidget: 2 inputs, 3 hidden units, 30 steps. */
    static final int GATED_INPUT = 2;
    static final int GATED_HIDDEN = 3;
    static final int GATED_STEPS = 30;
    /** NormWidget: 6 samples of 6 features. */
    static final int NORM_SIZE = 6;
    /** ActivationWidget: the derivative at −20, −19.99, … 20. */
    static final int ACTIVATION_POINTS = 4001;
    /** PosencWidget: 32 positions of 16 dimensions. */
    static final int POSENC_N = 32;
    static final int POSENC_D = 16;
    /** MaskWidget: the shares of 10,000 draws, from a vocabulary of 47 characters, half of them selected. */
    static final int MASK_N = 10_000;
    static final int MASK_VOCAB = 47;

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

    static double[] attentionQ() {
        return values(5_000_000, ATTENTION_N * ATTENTION_D, -1, 1);
    }

    static double[] attentionK() {
        return values(6_000_000, ATTENTION_N * ATTENTION_D, -1, 1);
    }

    /** Gate weights, {@code gates × hidden × columns}, as the gated widgets draw them: within ±1. */
    static double[] gateWeights(int from, int gates, int columns) {
        return values(from, gates * GATED_HIDDEN * columns, -1, 1);
    }

    static double[] gatedXs() {
        return values(9_000_000, GATED_STEPS * GATED_INPUT, -1, 1);
    }

    static double[] normX() {
        return values(10_000_000, NORM_SIZE * NORM_SIZE, -2, 2);
    }

    static double[] activationX() {
        double[] x = new double[ACTIVATION_POINTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - ACTIVATION_POINTS / 2) / 100.0;
        }
        return x;
    }

    static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
