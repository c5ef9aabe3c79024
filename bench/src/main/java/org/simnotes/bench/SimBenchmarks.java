package org.simnotes.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
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
    private final double[] wxh = SimCases.wxh();
    private final double[] whh = SimCases.whh();
    private final double[] b = SimCases.bias();
    private final double[] h0 = new double[SimCases.RNN_HIDDEN];
    private final double[] xs = SimCases.xs();

    @Benchmark
    public int[] dropoutMask() {
        return SimExports.dropoutMask(SimCases.DROPOUT_N, SimCases.KEEP_PROB, SimCases.SEED);
    }

    @Benchmark
    public double[] poolMaxK2S2() {
        return SimExports.poolMax(SimCases.GRID, SimCases.GRID, 2, 2, 0, grid);
    }

    @Benchmark
    public double[] poolMaxK3S1() {
        return SimExports.poolMax(SimCases.GRID, SimCases.GRID, 3, 1, 0, grid);
    }

    @Benchmark
    public double[] poolAvgK2S2() {
        return SimExports.poolAvg(SimCases.GRID, SimCases.GRID, 2, 2, 0, grid);
    }

    @Benchmark
    public double[] poolAvgK3S1() {
        return SimExports.poolAvg(SimCases.GRID, SimCases.GRID, 3, 1, 0, grid);
    }

    @Benchmark
    public double[] rnnGradNorms() {
        return SimExports.rnnGradNorms("tanh", SimCases.RNN_INPUT, SimCases.RNN_HIDDEN, SimCases.RNN_STEPS,
                wxh, whh, b, h0, xs);
    }

    @Benchmark
    public String renderDropout() {
        return SimExports.renderWidget("dropout", SimCases.DROPOUT_WIDGET);
    }

    @Benchmark
    public String renderPool() {
        return SimExports.renderWidget("pool", SimCases.POOL_WIDGET);
    }

    @Benchmark
    public String renderRnn() {
        return SimExports.renderWidget("rnn", SimCases.RNN_WIDGET);
    }
}
