package org.simnotes.sim.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.simnotes.sim.Activation;
import org.simnotes.sim.Attention;
import org.simnotes.sim.DeepNet;
import org.simnotes.sim.GruUnroll;
import org.simnotes.sim.LstmUnroll;
import org.simnotes.sim.MlmMask;
import org.simnotes.sim.Normalization;
import org.simnotes.sim.PositionalEncoding;
import org.simnotes.simapi.SimException;

/** The exported functions, called as the page widgets call them, and the browser builds that ship them. */
class SimExportsTest {

    private static final double[] GRID = {
        1.382, 3.286, 1.322, 3.621, 3.621, 1.785, -2.148, 2.324,
        1.458, 1.177, 0.114, 2.187, -2.946, -0.652, -1.928, 2.395};

    @Test
    void poolingExportsTakeRequestFieldOrder() {
        assertEquals(2.0, SimExports.poolOutputSize(4, 2, 2, 0));
        assertArrayEquals(new double[] {3.621, 3.621, 1.458, 2.395}, SimExports.poolMax(4, 4, 2, 2, 0, GRID), 0.0);
        assertArrayEquals(new int[] {4, 3, 8, 15}, SimExports.poolMaxArgmax(4, 4, 2, 2, 0, GRID));
        assertArrayEquals(new double[] {2.5185, 1.27975, -0.24075, 0.692}, SimExports.poolAvg(4, 4, 2, 2, 0, GRID),
                1e-12);
        assertEquals(3.621, SimExports.poolGlobalMax(4, 4, GRID));
        assertEquals(3.0, SimExports.poolGlobalArgmax(4, 4, GRID));
        assertEquals(16.998 / 16, SimExports.poolGlobalAvg(4, 4, GRID), 1e-12);
    }

    @Test
    void aGridKeptInTheModuleIsPooledAsTheArrayExportsPoolIt() {
        PoolGrid grid = SimExports.poolGrid(4, 4, GRID);
        PoolOutput max = grid.max(2, 2, 0);
        assertEquals(2, max.getHeight());
        assertEquals(2, max.getWidth());
        assertArrayEquals(SimExports.poolMax(4, 4, 2, 2, 0, GRID), max.values(), 0.0);
        assertArrayEquals(SimExports.poolMaxArgmax(4, 4, 2, 2, 0, GRID), max.argmaxes());
        assertEquals(1.458, max.value(2));
        assertEquals(15, max.argmax(3));
        PoolOutput avg = grid.avg(3, 1, 1);
        assertArrayEquals(SimExports.poolAvg(4, 4, 3, 1, 1, GRID), avg.values(), 0.0);
        assertEquals("index must be between 0 and 15, got 16",
                assertThrows(SimException.class, () -> avg.value(16)).getMessage());
        assertEquals("average pooling has no argmax", assertThrows(SimException.class, () -> avg.argmax(0)).getMessage());
        assertEquals("input must have height*width = 16 values, got 3",
                assertThrows(SimException.class, () -> SimExports.poolGrid(4, 4, new double[3])).getMessage());
    }

    @Test
    void dropoutExportsAgreeWithEachOther() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        int[] words = SimExports.dropoutMask(10, 0.6, 31);
        assertEquals(1, words.length, "10 units fit in one int");
        SplittableRandom rng = new SplittableRandom(31);
        double[] inverted = SimExports.dropoutInverted(10, 0.6, 31, x);
        double[] classic = SimExports.dropoutClassic(10, 0.6, 31, x);
        double[] inference = SimExports.dropoutClassicInference(10, 0.6, x);
        for (int i = 0; i < 10; i++) {
            int kept = (words[0] >>> i) & 1;
            assertEquals(rng.nextDouble() < 0.6 ? 1 : 0, kept);
            assertEquals(x[i] * kept / 0.6, inverted[i], 1e-12);
            assertEquals(x[i] * kept, classic[i], 0.0);
            assertEquals(x[i] * 0.6, inference[i], 1e-12);
        }
    }

    @Test
    void rnnExportsReturnStatesAndNorms() {
        double[] hs = SimExports.rnnHidden("tanh", 1, 2, 3, new double[] {1, -1}, new double[] {0.5, 0, 0, 0.5},
                new double[2], new double[2], new double[] {0.1, 0.2, 0.3});
        double[] norms = SimExports.rnnGradNorms("tanh", 1, 2, 3, new double[] {1, -1},
                new double[] {0.5, 0, 0, 0.5}, new double[2], new double[2], new double[] {0.1, 0.2, 0.3});
        assertEquals(6, hs.length);
        assertEquals(4, norms.length);
        assertEquals(-hs[0], hs[1], 1e-15, "the two units mirror each other");
        assertEquals(Math.sqrt(2), norms[3], 1e-15);
    }

    @Test
    void theCoreExportsTakeTheSimCommandsFieldOrder() {
        assertArrayEquals(DeepNet.run(12, 5, 3, "tanh", true, 1.5).gradNorms(), SimExports.deepGradNorms(12, 5, 3, "tanh", true, 1.5));
        double[] q = {0.5, -1, 2, 0.25, 1, 3};
        double[] k = {1, 0.5, -2, 1.5, 0, 1, -1, 2, 0.5};
        double[] v = {2, 1, 0, -1, 3, 0.5};
        assertArrayEquals(Attention.run(2, 3, 3, 2, q, k, v, false).weights(), SimExports.attentionWeights(2, 3, 3, 2, q, k, v, false));
        double[] w8 = {0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8};
        double[] w4 = {0.2, 0.1, -0.3, 0.5};
        double[] xs = {1, -1, 0.5};
        assertArrayEquals(LstmUnroll.run(1, 1, 3, w4, w4, w4, new double[4], new double[1], new double[] {0.5}, xs).hs(),
                SimExports.lstmHidden(1, 1, 3, w4, w4, w4, new double[4], new double[1], new double[] {0.5}, xs));
        double[] w3 = {0.2, -0.1, 0.3};
        assertArrayEquals(GruUnroll.run(1, 1, 3, w3, w3, new double[3], w3, new double[] {0.5}, xs).hs(),
                SimExports.gruHidden(1, 1, 3, w3, w3, new double[3], w3, new double[] {0.5}, xs));
        assertArrayEquals(Normalization.run("layer", 2, 4, w8, w4, w4, 1e-5).y(), SimExports.normOutput("layer", 2, 4, w8, w4, w4, 1e-5));
        assertArrayEquals(Activation.apply("gelu", w8).grad(), SimExports.activationGrad("gelu", w8));
        assertArrayEquals(PositionalEncoding.encode(5, 4), SimExports.positionalEncoding(5, 4));
        assertArrayEquals(MlmMask.select(200, 9, 30, 0.3).selected(), SimExports.mlmMaskSelected(200, 9, 30, 0.3));
    }

    @Test
    void invalidArgumentsThrowWithTheParameterNamed() {
        SimException e = assertThrows(SimException.class, () -> SimExports.poolMax(4, 4, 2, 2, 0, new double[3]));
        assertEquals("input must have height*width = 16 values, got 3", e.getMessage());
    }

    @Test
    void browserBuildsShipOnTheClassPath() throws IOException {
        byte[] wasm = resource("sim.wasm");
        assertTrue(wasm.length > 1000, "sim.wasm has " + wasm.length + " bytes");
        assertArrayEquals(new byte[] {0, 'a', 's', 'm'}, java.util.Arrays.copyOf(wasm, 4), "wasm magic number");
        String js = new String(resource("sim.js"), java.nio.charset.StandardCharsets.UTF_8);
        // The minified script breaks its longest line wherever it likes, inside a list of exports too.
        String joined = js.replace("\n", "");
        for (String name : new String[] {"dropoutMask", "dropoutInverted", "dropoutClassic",
                "dropoutClassicInference", "poolOutputSize", "poolMax", "poolMaxArgmax", "poolAvg", "poolGlobalMax",
                "poolGlobalArgmax", "poolGlobalAvg", "rnnHidden", "rnnGradNorms", "poolGrid", "deepGradNorms",
                "attentionWeights", "lstmHidden", "gruHidden", "normOutput", "activationGrad", "positionalEncoding",
                "mlmMaskSelected"}) {
            assertTrue(joined.contains("." + name + "="), "sim.js exports " + name);
        }
        String runtime = new String(resource("sim.wasm-runtime.js"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(runtime.contains("wasmGC"), "the loader defines TeaVM.wasmGC");
        // A widget with its simulation core adds 4 to 11 KB to each build, over some 35 KB of runtime and shared
        // code; collections, streams or String.format would add 100 KB and more at once, past this budget.
        int widgets = org.simnotes.simapi.Widgets.load(SimExportsTest.class.getClassLoader()).size();
        assertTrue(wasm.length < 40_000 + 10_000 * widgets, "sim.wasm size " + wasm.length + " for " + widgets + " widgets");
        assertTrue(js.length() < 40_000 + 10_000 * widgets, "sim.js size " + js.length() + " for " + widgets + " widgets");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SimExports.class.getResourceAsStream("/META-INF/simnotes/sim/" + name)) {
            assertTrue(in != null, name + " is on the class path");
            return in.readAllBytes();
        }
    }
}
