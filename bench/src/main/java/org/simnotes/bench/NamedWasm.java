package org.simnotes.bench;

import java.io.File;
import org.simnotes.sim.web.SimExports;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * {@code NamedWasm DIR}: compiles the page's simulations ({@link SimExports} with every widget) to
 * {@code DIR/sim.wasm} as the build does, but with TeaVM's names kept, so Chromium's profiler names each
 * function ({@code org.simnotes.simapi.Html::writeCoord}) instead of numbering it. The code is the same; only
 * the module's name section differs.
 */
public final class NamedWasm {
    private NamedWasm() {
    }

    public static void main(String[] args) throws TeaVMToolException {
        if (args.length != 1) {
            System.err.println("usage: NamedWasm DIR");
            System.exit(2);
        }
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_GC);
        tool.setMainClass(SimExports.class.getName());
        tool.setClassLoader(NamedWasm.class.getClassLoader());
        tool.setTargetDirectory(new File(args[0]));
        tool.setTargetFileName("sim.wasm");
        tool.setOptimizationLevel(TeaVMOptimizationLevel.ADVANCED);
        tool.setObfuscated(false);
        tool.setDebugInformationGenerated(false);
        tool.setSourceMapsFileGenerated(false);
        tool.setIncremental(false);
        tool.generate();
        if (!tool.getProblemProvider().getSevereProblems().isEmpty()) {
            throw new IllegalStateException("TeaVM could not compile the simulations: "
                    + tool.getProblemProvider().getSevereProblems().size() + " problems");
        }
    }
}
