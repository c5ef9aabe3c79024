package org.simnotes.sitegen.sims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.simnotes.sim.web.SimExports;
import org.simnotes.sitegen.fault.Problem;
import org.simnotes.sitegen.fault.Problems;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.model.TextLocation;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Compiles the page's simulation code (the built-in exports with every widget the class loader's services
 * files list) with TeaVM as a library: WebAssembly GC, and JavaScript for browsers without it. The two
 * targets compile at once, on two threads, as neither depends on the other.
 */
final class TeaVmCompile {
    private static final String WASM_RUNTIME = "org/teavm/backend/wasm/wasm-gc-runtime.min.js";

    private TeaVmCompile() {
    }

    /**
     * Writes {@link WebBuild}'s three files into {@code out}; false, with what TeaVM could not compile named
     * by class and method, located in {@code sims} when the code is there.
     */
    static boolean run(ClassLoader classes, Path out, SimSources sims, Problems problems) throws IOException {
        Set<Problem> found = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> wasm = CompletableFuture.runAsync(
                () -> target(TeaVMTargetType.WEBASSEMBLY_GC, WebBuild.WASM, classes, out, sims, found));
        target(TeaVMTargetType.JAVASCRIPT, WebBuild.JS, classes, out, sims, found);
        try {
            wasm.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        // The same code fails both targets alike: each fault is said once.
        found.stream().sorted(Comparator.comparing(Problem::file).thenComparing(Problem::line).thenComparing(Problem::message))
                .forEach(p -> problems.error(p.file(), p.line(), p.message()));
        try (InputStream runtime = TeaVMTool.class.getClassLoader().getResourceAsStream(WASM_RUNTIME)) {
            if (runtime == null) {
                throw new IOException(WASM_RUNTIME + " is missing from TeaVM's jar");
            }
            Files.write(out.resolve(WebBuild.WASM_RUNTIME), runtime.readAllBytes());
        }
        return found.isEmpty();
    }

    private static void target(TeaVMTargetType type, String fileName, ClassLoader classes, Path out, SimSources sims,
                               Set<Problem> problems) {
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(type);
        // The class whose exported methods the page calls; it finds the widgets through ServiceLoader.
        tool.setMainClass(SimExports.class.getName());
        tool.setClassLoader(classes);
        tool.setTargetDirectory(out.toFile());
        tool.setTargetFileName(fileName);
        tool.setOptimizationLevel(TeaVMOptimizationLevel.ADVANCED);
        tool.setObfuscated(true);
        tool.setDebugInformationGenerated(false);
        tool.setSourceMapsFileGenerated(false);
        tool.setIncremental(false);
        try {
            tool.generate();
        } catch (TeaVMToolException e) {
            problems.add(new Problem(sims.dir(), 0, "TeaVM failed: " + e.getMessage()));
            return;
        }
        for (org.teavm.diagnostics.Problem p : tool.getProblemProvider().getSevereProblems()) {
            problems.add(located(p, sims));
        }
    }

    /** "TeaVM cannot compile this for the page: Method java.lang.Math.fma(DDD)D was not found (in pkg.Foo.render)". */
    private static Problem located(org.teavm.diagnostics.Problem p, SimSources sims) {
        DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
        p.render(text);
        StringBuilder message = new StringBuilder("TeaVM cannot compile this for the page: ").append(text.getText());
        Path file = sims.dir();
        int line = 0;
        if (p.getLocation() != null) {
            if (p.getLocation().getMethod() != null) {
                message.append(" (in ").append(p.getLocation().getMethod().getClassName()).append('.')
                        .append(p.getLocation().getMethod().getName()).append(')');
            }
            TextLocation at = p.getLocation().getSourceLocation();
            if (at != null && !at.isEmpty() && at.getFileName() != null) {
                Path source = sims.dir().resolve(at.getFileName());
                if (Files.isRegularFile(source)) {
                    file = source;
                    line = Math.max(0, at.getLine());
                }
            }
        }
        return new Problem(file, line, message.toString());
    }
}
