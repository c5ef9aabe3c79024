package org.simnotes.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code BrowserBench SITE_DIR [--jvm FILE]}: times the simulations in Debian's headless Chromium, in
 * WebAssembly GC and in the JavaScript fallback, with the scripts of a built site ({@code assets/sim-*.js}),
 * and prints them beside the JVM's medians ({@link SimBench} {@code --out FILE}). The page is written to a
 * temporary folder and opened from file://, as a reader offline would. Each call is then run for a second
 * under Chromium's sampling profiler, which tells how its time splits between the compiled simulation,
 * TeaVM's JavaScript runtime (the glue that copies arrays and strings across), the garbage collector and
 * the rest; and each widget's update is split by Chromium's own counters into style, layout and the rest.
 *
 * <p>{@code BrowserBench SITE_DIR --named-wasm FILE} times nothing: it profiles each call in a module of the
 * same code compiled with its names ({@link NamedWasm}), and splits the compiled code's share by what it does.
 */
public final class BrowserBench {
    private static final String CHROMIUM = System.getProperty("simnotes.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("simnotes.chromedriver", "/usr/bin/chromedriver");
    private static final double FRAME_MS = 16;

    private BrowserBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && !(args.length == 3 && (args[1].equals("--jvm") || args[1].equals("--named-wasm")))) {
            System.err.println("usage: BrowserBench SITE_DIR [--jvm FILE | --named-wasm FILE]");
            System.exit(2);
        }
        Path site = Path.of(args[0]);
        if (args.length == 3 && args[1].equals("--named-wasm")) {
            namedProfile(writePage(site, Path.of(args[2])));
        } else {
            run(writePage(site, null), args.length == 3 ? readJvm(Path.of(args[2])) : Map.of());
        }
    }

    /** The page; with {@code namedWasm}, that module instead of the site's, and nothing timed. */
    private static Path writePage(Path site, Path namedWasm) throws IOException {
        Path dir = Files.createTempDirectory("simnotes-sim-bench");
        for (String asset : List.of("sim-runtime.js", "sim-wasm.js", "sim-fallback.js", "site.css")) {
            Files.copy(hashed(site.resolve("assets"), asset), dir.resolve(asset));
        }
        if (namedWasm != null) {
            Files.writeString(dir.resolve("sim-wasm.js"), "window.SIMNOTES_SIM_WASM=\""
                    + Base64.getEncoder().encodeToString(Files.readAllBytes(namedWasm)) + "\";window.SIM_BENCH_PROFILE_ONLY=true;\n");
        }
        try (InputStream in = BrowserBench.class.getResourceAsStream("browser/sim-bench.js")) {
            Files.write(dir.resolve("sim-bench.js"), in.readAllBytes());
        }
        Files.writeString(dir.resolve("bench.html"), """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>SimNotes simulation benchmark</title><link rel="stylesheet" href="site.css"></head>
                <body>
                  <figure class="sim"><div class="sim-view" id="view"></div></figure>
                  <pre id="results"></pre>
                  <script>window.SIM_BENCH_WIDGETS = %s;</script>
                  <script src="sim-runtime.js"></script>
                  <script src="sim-wasm.js"></script>
                  <script src="sim-bench.js" data-fallback="sim-fallback.js"></script>
                </body>
                </html>
                """.formatted(new Json().toJson(SimCases.WIDGETS)));
        return dir.resolve("bench.html");
    }

    /** {@code assets/NAME.HASH.EXT} of a built site, for {@code NAME.EXT}. */
    private static Path hashed(Path assets, String asset) throws IOException {
        int dot = asset.lastIndexOf('.');
        String pattern = "\\Q" + asset.substring(0, dot) + "\\E\\.[0-9a-f]+\\Q" + asset.substring(dot) + "\\E";
        try (Stream<Path> files = Files.list(assets)) {
            return files.filter(p -> p.getFileName().toString().matches(pattern))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no hashed " + asset + " in " + assets + ": build the site first"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void run(Path page, Map<String, Double> jvm) {
        ChromeDriver driver = open(page);
        try {
            Map<String, Object> results = results(driver);
            print(results, jvm);
            System.out.println();
            profile(driver, (List<String>) results.get("calls"));
            System.out.println();
            updateCosts(driver, (List<String>) results.get("widgets"));
        } finally {
            driver.quit();
        }
    }

    /** Each call of the named module profiled for a second, its compiled code split by what it does. */
    @SuppressWarnings("unchecked")
    private static void namedProfile(Path page) {
        ChromeDriver driver = open(page);
        try {
            List<String> kinds = List.of("numbers to text", "strings", "markup", "simulation core", "crossing",
                    "calls to JavaScript", "garbage collector", "other");
            List<String> header = new ArrayList<>(List.of("call"));
            kinds.forEach(k -> header.add(k + " %"));
            header.add("busiest functions (self %)");
            Table table = new Table(header.toArray(String[]::new));
            driver.executeCdpCommand("Profiler.enable", Map.of());
            driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 200));
            for (String call : (List<String>) results(driver).get("calls")) {
                Map<String, Long> byKind = new LinkedHashMap<>();
                Map<String, Long> byFunction = new HashMap<>();
                long total = sample(driver, "wasm", call, BrowserBench::namedKind, byKind, byFunction);
                List<Object> row = new ArrayList<>(List.of(call));
                kinds.forEach(k -> row.add(Math.round(100.0 * byKind.getOrDefault(k, 0L) / total)));
                row.add(busiest(byFunction, total));
                table.row(row.toArray());
            }
            driver.executeCdpCommand("Profiler.disable", Map.of());
            System.out.println("Where the time goes in WebAssembly, by what the code does (a module of the same code with its names,"
                    + " 1 s of each call, share of samples):");
            System.out.print(table);
        } finally {
            driver.quit();
        }
    }

    private static ChromeDriver open(Path page) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("needs Debian's chromium and chromium-driver packages: apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.get(page.toUri().toString());
        return driver;
    }

    /** What the page wrote into #results once it was done. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> results(ChromeDriver driver) {
        new WebDriverWait(driver, Duration.ofMinutes(15), Duration.ofSeconds(1))
                .until(d -> d.findElement(By.id("results")).getAttribute("data-done") != null);
        String text = (String) driver.executeScript("return document.getElementById('results').textContent");
        if (!"true".equals(driver.findElement(By.id("results")).getAttribute("data-done"))) {
            throw new IllegalStateException("the benchmark page failed: " + text);
        }
        return new Json().toType(text, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> r, Map<String, Double> jvm) {
        Map<String, Object> load = (Map<String, Object>) r.get("load");
        System.out.println("Simulations in " + r.get("userAgent"));
        System.out.println("Start-up: WebAssembly decoded and instantiated in " + Table.num(number(load.get("wasm")))
                + " ms; JavaScript fallback loaded in " + Table.num(number(load.get("js"))) + " ms.");
        System.out.println();
        Map<String, List<Double>> wasm = series(((Map<String, Object>) r.get("wasm")).get("calls"));
        Map<String, List<Double>> js = series(((Map<String, Object>) r.get("js")).get("calls"));
        Table calls = new Table("call", "JVM µs", "wasm µs, median (min–max)", "wasm ÷ JVM", "JS µs, median (min–max)", "JS ÷ JVM");
        for (String name : wasm.keySet()) {
            Double onJvm = jvm.get(name);
            calls.row(name, onJvm == null ? "–" : Table.num(onJvm), spread(wasm.get(name)), ratio(median(wasm.get(name)), onJvm),
                    spread(js.get(name)), ratio(median(js.get(name)), onJvm));
        }
        System.out.println("Time per call (" + wasm.values().iterator().next().size() + " rounds each):");
        System.out.print(calls);
        System.out.println();
        Map<String, List<Double>> wasmUpdates = series(((Map<String, Object>) r.get("wasm")).get("updates"));
        Map<String, List<Double>> jsUpdates = series(((Map<String, Object>) r.get("js")).get("updates"));
        Table updates = new Table("widget update (largest size)", "wasm ms, median (min–max)", "JS ms, median (min–max)",
                "within " + (int) FRAME_MS + " ms");
        for (String name : wasmUpdates.keySet()) {
            double worst = Math.max(max(wasmUpdates.get(name)), max(jsUpdates.get(name)));
            updates.row(name, spread(wasmUpdates.get(name)), spread(jsUpdates.get(name)),
                    worst < FRAME_MS ? "yes" : median(wasmUpdates.get(name)) < FRAME_MS ? "median yes, slowest not" : "no");
        }
        System.out.println("Widget updates (renderWidget, the HTML into the page, layout; "
                + wasmUpdates.values().iterator().next().size() + " each):");
        System.out.print(updates);
    }

    /** Where each call's time goes, by the profiler's self time per kind of code. */
    private static void profile(ChromeDriver driver, List<String> calls) {
        driver.executeCdpCommand("Profiler.enable", Map.of());
        driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 200));
        List<String> kinds = List.of("simulation", "TeaVM runtime", "V8 built-ins", "garbage collector", "other");
        List<String> header = new ArrayList<>(List.of("call", "runtime"));
        kinds.forEach(k -> header.add(k + " %"));
        header.add("busiest functions (self %)");
        Table table = new Table(header.toArray(String[]::new));
        for (String call : calls) {
            for (String runtime : List.of("wasm", "js")) {
                Map<String, Long> byKind = new LinkedHashMap<>();
                Map<String, Long> byFunction = new HashMap<>();
                long total = sample(driver, runtime, call, BrowserBench::kind, byKind, byFunction);
                List<Object> row = new ArrayList<>(List.of(call, runtime));
                kinds.forEach(k -> row.add(Math.round(100.0 * byKind.getOrDefault(k, 0L) / total)));
                row.add(busiest(byFunction, total));
                table.row(row.toArray());
            }
        }
        driver.executeCdpCommand("Profiler.disable", Map.of());
        System.out.println("Where the time goes (Chromium's sampling profiler, 1 s of each call, share of samples):");
        System.out.print(table);
    }

    /**
     * Runs {@code call} for a second under the profiler (started and stopped here) and adds its self time by
     * kind of code and by function; returns the samples counted, at least 1.
     */
    @SuppressWarnings("unchecked")
    private static long sample(ChromeDriver driver, String runtime, String call, BiFunction<String, String, String> kindOf,
            Map<String, Long> byKind, Map<String, Long> byFunction) {
        driver.executeCdpCommand("Profiler.start", Map.of());
        driver.executeScript("return simBench.repeat(arguments[0], arguments[1], 1000)", runtime, call);
        Map<String, Object> profile = (Map<String, Object>) driver.executeCdpCommand("Profiler.stop", Map.of()).get("profile");
        long total = 0;
        for (Map<String, Object> node : (List<Map<String, Object>>) profile.get("nodes")) {
            long hits = ((Number) node.get("hitCount")).longValue();
            Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
            String function = (String) frame.get("functionName");
            String kind = kindOf.apply((String) frame.get("url"), function);
            if (kind == null) {
                continue;
            }
            total += hits;
            byKind.merge(kind, hits, Long::sum);
            byFunction.merge((function.isEmpty() ? "(anonymous)" : function) + " [" + kind + "]", hits, Long::sum);
        }
        return Math.max(total, 1);
    }

    private static String busiest(Map<String, Long> byFunction, long total) {
        return byFunction.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue() / total)).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /**
     * What one widget update costs the page, from Chromium's own counters over two seconds of updates:
     * style and layout, and the rest (renderWidget, parsing its HTML into elements, script).
     */
    @SuppressWarnings("unchecked")
    private static void updateCosts(ChromeDriver driver, List<String> widgets) {
        driver.executeCdpCommand("Performance.enable", Map.of());
        Table table = new Table("widget update", "runtime", "HTML chars", "elements", "ms per update", "style ms", "layout ms",
                "rest ms (renderWidget, HTML parsing, script)");
        for (String widget : widgets) {
            for (String runtime : List.of("wasm", "js")) {
                Map<String, Double> before = metrics(driver);
                Map<String, Object> done = (Map<String, Object>) driver.executeScript(
                        "return simBench.update(arguments[0], arguments[1], 2000)", runtime, widget);
                Map<String, Double> after = metrics(driver);
                double n = number(done.get("updates"));
                double style = 1000 * (after.get("RecalcStyleDuration") - before.get("RecalcStyleDuration")) / n;
                double layout = 1000 * (after.get("LayoutDuration") - before.get("LayoutDuration")) / n;
                table.row(widget, runtime, done.get("chars"), done.get("elements"), Table.num(2000 / n), Table.num(style),
                        Table.num(layout), Table.num(2000 / n - style - layout));
            }
        }
        driver.executeCdpCommand("Performance.disable", Map.of());
        System.out.println("What a widget update costs (Chromium's Performance counters over 2 s of updates):");
        System.out.print(table);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> metrics(ChromeDriver driver) {
        Map<String, Double> out = new HashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) driver.executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics")) {
            out.put((String) m.get("name"), number(m.get("value")));
        }
        return out;
    }

    /** The kind of code a profiler frame belongs to; null for the idle and root frames. */
    private static String kind(String url, String function) {
        if (function.equals("(idle)") || function.equals("(root)")) {
            return null;
        }
        if (url.startsWith("wasm://") || url.endsWith("sim-fallback.js")) {
            return "simulation";
        }
        if (url.endsWith("sim-runtime.js")) {
            return "TeaVM runtime";
        }
        if (function.equals("(garbage collector)")) {
            return "garbage collector";
        }
        if (url.isEmpty() && !function.startsWith("(")) {
            return "V8 built-ins";
        }
        return "other";
    }

    /**
     * The kind of code a frame of the named module belongs to, by its Java class: numbers written as text
     * (Html's number writers, ShortestDecimal); strings (TeaVM's String and StringBuilder, and the copies into
     * them); the rest of the markup (Svg, Shapes, Stats, the widgets' views); the simulation cores (with the
     * checks and random draws they use); the crossing of arguments and results between JavaScript and the
     * module; the calls out to JavaScript (Math.floor, Math.exp and the rest); null for the idle and root frames.
     */
    private static String namedKind(String url, String function) {
        String kind = kind(url, function);
        if (kind == null || kind.equals("garbage collector")) {
            return kind;
        }
        if (function.startsWith("wasm-to-js")) {
            return "calls to JavaScript";
        }
        if (function.startsWith("js-to-wasm") || !kind.equals("simulation") && !kind.equals("other")) {
            return "crossing";
        }
        if (function.startsWith("org.simnotes.simapi.ShortestDecimal")
                || function.matches("org\\.simnotes\\.simapi\\.Html::((write|append)(Int|Coord|Fixed|Exact|Fraction)|exact|exactList|fixed|sci|intList).*")) {
            return "numbers to text";
        }
        if (function.startsWith("java.lang.String") || function.startsWith("java.lang.AbstractStringBuilder")
                || function.startsWith("java.lang.Character") || function.startsWith("Array<&C>")
                || function.startsWith("org.simnotes.simapi.Html::appendString") || function.startsWith("org.simnotes.simapi.Svg::appendText")) {
            return "strings";
        }
        if (function.contains("$exported$") && !function.startsWith("org.simnotes.sim.web.SimExports::renderWidget")
                || function.startsWith("org.teavm.jso")) {
            return "crossing";
        }
        if (function.startsWith("org.simnotes.simapi.Check") || function.startsWith("org.simnotes.simapi.SplitMix64")) {
            return "simulation core";
        }
        if (function.startsWith("org.simnotes.simapi.") || function.startsWith("org.simnotes.sim.widget.")
                || function.startsWith("org.simnotes.sim.web.SimExports::renderWidget")) {
            return "markup";
        }
        return function.startsWith("org.simnotes.sim.") ? "simulation core" : "other";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Double>> series(Object byName) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        ((Map<String, Object>) byName).forEach((k, v) -> out.put(k, ((List<Object>) v).stream().map(BrowserBench::number).toList()));
        return out;
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    private static String spread(List<Double> v) {
        return Table.num(median(v)) + " (" + Table.num(v.stream().mapToDouble(d -> d).min().orElse(Double.NaN)) + "–"
                + Table.num(max(v)) + ")";
    }

    private static String ratio(double value, Double jvm) {
        return jvm == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f×", value / jvm);
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
    }

    private static Map<String, Double> readJvm(Path file) {
        Map<String, Double> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.split("\t");
                if (kv.length == 2) {
                    out.put(kv[0], Double.parseDouble(kv[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
