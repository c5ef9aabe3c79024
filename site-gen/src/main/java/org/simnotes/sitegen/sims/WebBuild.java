package org.simnotes.sitegen.sims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The page's simulation code as TeaVM compiled it: the WebAssembly GC module, its loader, and the same
 * code compiled to JavaScript for browsers without WebAssembly GC.
 */
public record WebBuild(byte[] wasm, byte[] wasmRuntime, byte[] js) {
    static final String WASM = "sim.wasm";
    static final String WASM_RUNTIME = "sim.wasm-runtime.js";
    static final String JS = "sim.js";
    /** Where the simulations module's build puts the built-in widgets' compiled code. */
    private static final String BUILT_IN = "META-INF/simnotes/sim/";

    /** The built-in widgets alone, compiled when the generator was built. */
    public static WebBuild builtIn() {
        return new WebBuild(resource(WASM), resource(WASM_RUNTIME), resource(JS));
    }

    static WebBuild read(Path dir) throws IOException {
        return new WebBuild(Files.readAllBytes(dir.resolve(WASM)), Files.readAllBytes(dir.resolve(WASM_RUNTIME)),
                Files.readAllBytes(dir.resolve(JS)));
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebBuild.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + name + " is missing from the class path: build the sim module first");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
