package org.simnotes.sim.web;

import org.simnotes.sim.Activation;
import org.simnotes.sim.Attention;
import org.simnotes.sim.DeepNet;
import org.simnotes.sim.Dropout;
import org.simnotes.sim.GruUnroll;
import org.simnotes.sim.LstmUnroll;
import org.simnotes.sim.MlmMask;
import org.simnotes.sim.Normalization;
import org.simnotes.sim.Pooling;
import org.simnotes.sim.PositionalEncoding;
import org.simnotes.sim.RnnUnroll;
import org.simnotes.simapi.SimException;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;
import org.teavm.jso.JSExport;

/**
 * The functions the page widgets call, compiled by TeaVM to {@code sim.wasm} (WebAssembly GC) and
 * {@code sim.js} (JavaScript fallback). Arguments follow the field order of the simulation's JSON request;
 * every number is a {@code double} (seeds are integers below 2^53, never a BigInt), arrays cross the
 * boundary as typed arrays ({@code Float64Array} in, {@code Float64Array}/{@code Int32Array} out).
 * An invalid argument throws; JavaScript sees an {@code Error} whose message names the parameter.
 * {@link #poolGrid} keeps a grid in the module, to pool it repeatedly without copying it across each time.
 */
public final class SimExports {
    /** The widgets listed in the services files of the class path. */
    private static final Widgets WIDGETS = Widgets.load(SimExports.class.getClassLoader());

    private SimExports() {
    }

    /**
     * The HTML of widget {@code name} for the control values in {@code query} ({@code keepProb=0.3&seed=7});
     * invalid values are replaced by defaults and named in a note inside the HTML.
     */
    @JSExport
    public static String renderWidget(String name, String query) {
        Widget widget = WIDGETS.byName(name);
        if (widget == null) {
            throw new SimException("name", "unknown widget '" + name + "', expected " + WIDGETS.names());
        }
        return WidgetState.fromQuery(widget, query).render();
    }

    /**
     * The keep mask of {@code n} units, 32 to an int: unit {@code i} is kept when bit {@code i % 32} of
     * word {@code i / 32} is set ({@code (mask[i >> 5] >>> (i & 31)) & 1} in JavaScript). Copying one int
     * per unit into the page cost twice as long as drawing the mask.
     */
    @JSExport
    public static int[] dropoutMask(double n, double keepProb, double seed) {
        return Dropout.packedMask(n, keepProb, seed);
    }

    /** Inverted dropout at training time: {@code input·mask / keepProb} (all 0 when keepProb is 0). */
    @JSExport
    public static double[] dropoutInverted(double n, double keepProb, double seed, double[] input) {
        return Dropout.apply(n, keepProb, seed, input).invertedTrain();
    }

    /** Classic dropout at training time: {@code input·mask}. */
    @JSExport
    public static double[] dropoutClassic(double n, double keepProb, double seed, double[] input) {
        return Dropout.apply(n, keepProb, seed, input).classicTrain();
    }

    /** Classic dropout at inference time: {@code input·keepProb} (the seed does not matter). */
    @JSExport
    public static double[] dropoutClassicInference(double n, double keepProb, double[] input) {
        return Dropout.apply(n, keepProb, 0, input).classicInference();
    }

    /** Output length along one axis: {@code floor((n + 2·padding − kernel) / stride) + 1}. */
    @JSExport
    public static double poolOutputSize(double n, double kernel, double stride, double padding) {
        return Pooling.outputSize(n, kernel, stride, padding);
    }

    /** Max pooling output, row-major, {@code poolOutputSize(height,…) × poolOutputSize(width,…)}. */
    @JSExport
    public static double[] poolMax(double height, double width, double kernel, double stride, double padding,
            double[] input) {
        return Pooling.max(height, width, kernel, stride, padding, input).output();
    }

    /** For each max pooling output cell, the index into {@code input} of the value chosen. */
    @JSExport
    public static int[] poolMaxArgmax(double height, double width, double kernel, double stride,
            double padding, double[] input) {
        return Pooling.max(height, width, kernel, stride, padding, input).argmax();
    }

    /** Average pooling output (padding counts as zeros in the kernel² divisor). */
    @JSExport
    public static double[] poolAvg(double height, double width, double kernel, double stride, double padding,
            double[] input) {
        return Pooling.avg(height, width, kernel, stride, padding, input).output();
    }

    /**
     * The grid kept in the module, checked once, to pool with {@code max(kernel, stride, padding)} and
     * {@code avg(…)}; an exported constructor could not be used, as TeaVM 0.16's page runtime passes a
     * constructor only its first two arguments.
     */
    @JSExport
    public static PoolGrid poolGrid(double height, double width, double[] input) {
        return new PoolGrid(height, width, input);
    }

    /** The largest value of the grid. */
    @JSExport
    public static double poolGlobalMax(double height, double width, double[] input) {
        return Pooling.globalMax(height, width, input).output()[0];
    }

    /** The index of the first occurrence of the largest value of the grid. */
    @JSExport
    public static double poolGlobalArgmax(double height, double width, double[] input) {
        return Pooling.globalMax(height, width, input).argmax()[0];
    }

    /** The mean of the grid. */
    @JSExport
    public static double poolGlobalAvg(double height, double width, double[] input) {
        return Pooling.globalAvg(height, width, input).output()[0];
    }

    /** Hidden states h_1 … h_T, {@code steps × hiddenSize} values, row-major. */
    @JSExport
    public static double[] rnnHidden(String activation, double inputSize, double hiddenSize, double steps,
            double[] wxh, double[] whh, double[] b, double[] h0, double[] xs) {
        return RnnUnroll.run(activation, inputSize, hiddenSize, steps, wxh, whh, b, h0, xs).hs();
    }

    /** ‖∂L/∂h_t‖₂ for t = 0 … T ({@code steps + 1} values), L = Σ h_T. */
    @JSExport
    public static double[] rnnGradNorms(String activation, double inputSize, double hiddenSize, double steps,
            double[] wxh, double[] whh, double[] b, double[] h0, double[] xs) {
        return RnnUnroll.run(activation, inputSize, hiddenSize, steps, wxh, whh, b, h0, xs).gradNorms();
    }

    /** ‖∂L/∂h_l‖ for l = 0 … layers of a deep network (plain or residual) with weights drawn from the seed. */
    @JSExport
    public static double[] deepGradNorms(double layers, double width, double seed, String activation, boolean residual,
            double weightScale) {
        return DeepNet.run(layers, width, seed, activation, residual, weightScale).gradNorms();
    }

    /** Attention weights softmax(QKᵀ/√d), {@code n × m}, row-major. */
    @JSExport
    public static double[] attentionWeights(double n, double m, double d, double dv, double[] q, double[] k, double[] v,
            boolean causal) {
        return Attention.run(n, m, d, dv, q, k, v, causal).weights();
    }

    /** An LSTM's hidden states h_1 … h_T, {@code steps × hiddenSize} values. */
    @JSExport
    public static double[] lstmHidden(double inputSize, double hiddenSize, double steps, double[] wih, double[] whh,
            double[] bih, double[] bhh, double[] h0, double[] c0, double[] xs) {
        return LstmUnroll.run(inputSize, hiddenSize, steps, wih, whh, bih, bhh, h0, c0, xs).hs();
    }

    /** A GRU's hidden states h_1 … h_T, {@code steps × hiddenSize} values. */
    @JSExport
    public static double[] gruHidden(double inputSize, double hiddenSize, double steps, double[] wih, double[] whh,
            double[] bih, double[] bhh, double[] h0, double[] xs) {
        return GruUnroll.run(inputSize, hiddenSize, steps, wih, whh, bih, bhh, h0, xs).hs();
    }

    /** Batch or layer normalization's output y, {@code batch × features}. */
    @JSExport
    public static double[] normOutput(String mode, double batch, double features, double[] x, double[] gamma,
            double[] beta, double eps) {
        return Normalization.run(mode, batch, features, x, gamma, beta, eps).y();
    }

    /** The activation function's derivative at each x. */
    @JSExport
    public static double[] activationGrad(String fn, double[] x) {
        return Activation.apply(fn, x).grad();
    }

    /** The sinusoidal positional encodings, {@code positions × dModel}. */
    @JSExport
    public static double[] positionalEncoding(double positions, double dModel) {
        return PositionalEncoding.encode(positions, dModel);
    }

    /** The positions of a sequence of {@code n} tokens BERT's masked-language-model selection picks. */
    @JSExport
    public static int[] mlmMaskSelected(double n, double seed, double vocab, double rate) {
        return MlmMask.select(n, seed, vocab, rate).selected();
    }
}
