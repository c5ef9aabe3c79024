package org.simnotes.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.simnotes.sim.web.PoolGrid;
import org.simnotes.sim.web.PoolOutput;
import org.simnotes.sim.web.SimExports;

/**
 * The simulations on the JVM: the calls the page makes through {@link SimExports}, at the sizes of
 * BENCHMARKS.md. The browser benchmark times the same calls in WebAssembly and in JavaScript.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(1)
public class SimBenchmarks {
    private final double[] grid = SimCases.grid();
    /** The grid handed to the module once, as a page keeps it; the pooling calls below pool it. */
    private final PoolGrid kept = SimExports.poolGrid(SimCases.GRID, SimCases.GRID, grid);
    private final double[] wxh = SimCases.wxh();
    private final double[] whh = SimCases.whh();
    private final double[] b = SimCases.bias();
    private final double[] h0 = new double[SimCases.RNN_HIDDEN];
    private final double[] xs = SimCases.xs();
    private final double[] q = SimCases.attentionQ();
    private final double[] k = SimCases.attentionK();
    private final double[] lstmWih = SimCases.gateWeights(7_000_000, 4, SimCases.GATED_INPUT);
    private final double[] lstmWhh = SimCases.gateWeights(7_100_000, 4, SimCases.GATED_HIDDEN);
    private final double[] lstmBih = SimCases.gateWeights(7_200_000, 4, 1);
    private final double[] lstmBhh = new double[4 * SimCases.GATED_HIDDEN];
    private final double[] gruWih = SimCases.gateWeights(8_000_000, 3, SimCases.GATED_INPUT);
    private final double[] gruWhh = SimCases.gateWeights(8_100_000, 3, SimCases.GATED_HIDDEN);
    private final double[] gruBih = SimCases.gateWeights(8_200_000, 3, 1);
    private final double[] gruBhh = new double[3 * SimCases.GATED_HIDDEN];
    private final double[] gatedH0 = new double[SimCases.GATED_HIDDEN];
    private final double[] gatedXs = SimCases.gatedXs();
    private final double[] normX = SimCases.normX();
    private final double[] ones = SimCases.filled(SimCases.NORM_SIZE, 1);
    private final double[] zeros = SimCases.filled(SimCases.NORM_SIZE, 0);
    private final double[] activationX = SimCases.activationX();

    /** A widget at its largest size ({@link SimCases#WIDGETS}); only {@link #render} takes it. */
    @State(Scope.Benchmark)
    public static class View {
        @Param({"dropout", "pool", "rnn", "deep", "clip", "norm", "activation", "shift", "mask", "attention", "posenc",
            "parallel", "lstm", "gru", "embedding"})
        public String widget;
        String query;

        @Setup
        public void find() {
            query = SimCases.WIDGETS.get(widget);
            if (query == null) {
                throw new IllegalStateException("no largest state for widget " + widget);
            }
        }
    }

    @Benchmark
    public int[] dropoutMask() {
        return SimExports.dropoutMask(SimCases.DROPOUT_N, SimCases.KEEP_PROB, SimCases.SEED);
    }

    @Benchmark
    public PoolOutput poolMaxK2S2() {
        return kept.max(2, 2, 0);
    }

    @Benchmark
    public PoolOutput poolMaxK3S1() {
        return kept.max(3, 1, 0);
    }

    @Benchmark
    public PoolOutput poolAvgK2S2() {
        return kept.avg(2, 2, 0);
    }

    @Benchmark
    public PoolOutput poolAvgK3S1() {
        return kept.avg(3, 1, 0);
    }

    /** Handing the grid to the module: on the JVM only its check; in the page also the copy across. */
    @Benchmark
    public PoolGrid poolGridLoad() {
        return SimExports.poolGrid(SimCases.GRID, SimCases.GRID, grid);
    }

    /** The array export, which the page calls with the grid copied in and the output copied out on every call. */
    @Benchmark
    public double[] poolMaxK2S2Copied() {
        return SimExports.poolMax(SimCases.GRID, SimCases.GRID, 2, 2, 0, grid);
    }

    @Benchmark
    public double[] rnnGradNorms() {
        return SimExports.rnnGradNorms("tanh", SimCases.RNN_INPUT, SimCases.RNN_HIDDEN, SimCases.RNN_STEPS,
                wxh, whh, b, h0, xs);
    }

    @Benchmark
    public String render(View view) {
        return SimExports.renderWidget(view.widget, view.query);
    }

    @Benchmark
    public double[] deepGradNorms() {
        return SimExports.deepGradNorms(SimCases.DEEP_LAYERS, SimCases.DEEP_WIDTH, 1, "relu", false, 3);
    }

    @Benchmark
    public double[] attentionWeights() {
        return SimExports.attentionWeights(SimCases.ATTENTION_N, SimCases.ATTENTION_N, SimCases.ATTENTION_D,
                SimCases.ATTENTION_D, q, k, k, true);
    }

    @Benchmark
    public double[] lstmHidden() {
        return SimExports.lstmHidden(SimCases.GATED_INPUT, SimCases.GATED_HIDDEN, SimCases.GATED_STEPS, lstmWih, lstmWhh,
                lstmBih, lstmBhh, gatedH0, gatedH0, gatedXs);
    }

    @Benchmark
    public double[] gruHidden() {
        return SimExports.gruHidden(SimCases.GATED_INPUT, SimCases.GATED_HIDDEN, SimCases.GATED_STEPS, gruWih, gruWhh,
                gruBih, gruBhh, gatedH0, gatedXs);
    }

    @Benchmark
    public double[] normOutput() {
        return SimExports.normOutput("batch", SimCases.NORM_SIZE, SimCases.NORM_SIZE, normX, ones, zeros, 1e-5);
    }

    @Benchmark
    public double[] activationGrad() {
        return SimExports.activationGrad("gelu", activationX);
    }

    @Benchmark
    public double[] positionalEncoding() {
        return SimExports.positionalEncoding(SimCases.POSENC_N, SimCases.POSENC_D);
    }

    @Benchmark
    public int[] mlmMaskSelected() {
        return SimExports.mlmMaskSelected(SimCases.MASK_N, 5, SimCases.MASK_VOCAB, 0.5);
    }
}
