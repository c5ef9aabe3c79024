package org.simnotes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link SimBenchmarks} and prints one table: median time per call and the spread over the
 * measurement iterations. {@code --out FILE} also writes the medians (µs) as {@code name<TAB>value}
 * lines for the browser benchmark's ratios; any other argument is a JMH option ({@code -f 2}, {@code -i 10}).
 */
public final class SimBench {

    private SimBench() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        List<String> jmhArgs = new ArrayList<>(Arrays.asList(args));
        Path out = null;
        int at = jmhArgs.indexOf("--out");
        if (at >= 0) {
            out = Path.of(jmhArgs.get(at + 1));
            jmhArgs.subList(at, at + 2).clear();
        }
        CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(SimBenchmarks.class.getName() + ".").build()).run();

        Table table = new Table("benchmark", "median µs/call", "min–max µs", "iterations");
        StringBuilder tsv = new StringBuilder();
        for (RunResult r : results.stream().sorted(Comparator.comparing(SimBench::name)).toList()) {
            Statistics s = r.getPrimaryResult().getStatistics();
            double median = s.getPercentile(50);
            table.row(name(r), Table.num(median), Table.num(s.getMin()) + "–" + Table.num(s.getMax()), s.getN());
            tsv.append(name(r)).append('\t').append(String.format(Locale.ROOT, "%.4f", median)).append('\n');
        }
        System.out.println();
        System.out.println("Simulations on the JVM (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "), JMH average time per call:");
        System.out.print(table);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, tsv);
        }
    }

    /** The method's name, and the widget for {@code render} ("render pool"), as the browser benchmark names its calls. */
    private static String name(RunResult r) {
        String label = r.getParams().getBenchmark();
        String method = label.substring(label.lastIndexOf('.') + 1);
        String widget = r.getParams().getParam("widget");
        return widget == null ? method : method + " " + widget;
    }
}
