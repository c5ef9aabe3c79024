package org.simnotes.sitegen.sims;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.simnotes.sim.web.SimExports;
import org.simnotes.sitegen.fault.Problems;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
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
        CompletableFuture<Boolean> wasm = CompletableFuture.supplyAsync(
                () -> target(TeaVMTargetType.WEBASSEMBLY_GC, WebBuild.WASM, classes, out, sims, problems));
        boolean js = target(TeaVMTargetType.JAVASCRIPT, WebBuild.JS, classes, out, sims, problems);
        boolean ok;
        try {
            ok = wasm.join() & js;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        try (InputStream runtime = TeaVMTool.class.getClassLoader().getResourceAsStream(WASM_RUNTIME)) {
            if (runtime == null) {
                throw new IOException(WASM_RUNTIME + " is missing from TeaVM's jar");
            }
            Files.write(out.resolve(WebBuild.WASM_RUNTIME), runtime.readAllBytes());
        }
        return ok;
    }

    private static boolean target(TeaVMTargetType type, String fileName, ClassLoader classes, Path out, SimSources sims,
                                  Problems problems) {
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
            problems.error(sims.dir(), 0, "TeaVM failed: " + e.getMessage());
            return false;
        }
        boolean ok = true;
        for (Problem p : tool.getProblemProvider().getSevereProblems()) {
            report(p, type, sims, problems);
            ok = false;
        }
        return ok;
    }

    /** "TeaVM cannot compile this for the page: Method java.util.SplittableRandom.nextInt(I)I was not found (in pkg.Foo.render)". */
    private static void report(Problem p, TeaVMTargetType type, SimSources sims, Problems problems) {
        DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
        p.render(text);
        StringBuilder message = new StringBuilder("TeaVM cannot compile this for the page (")
                .append(type == TeaVMTargetType.JAVASCRIPT ? "JavaScript" : "WebAssembly").append("): ").append(text.getText());
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
        problems.error(file, line, message.toString());
    }
}
