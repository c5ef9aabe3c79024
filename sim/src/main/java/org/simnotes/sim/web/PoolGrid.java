package org.simnotes.sim.web;

import org.simnotes.sim.Pooling;
import org.teavm.jso.JSExport;

/**
 * A grid handed to the page's module once and kept there, to pool with any kernel, stride and padding:
 * {@code poolGrid(height, width, input).max(kernel, stride, padding)}. Each array crossing between
 * JavaScript and the module is copied (by TeaVM, 512 values at a time), which for a large grid took longer
 * than pooling it; a grid kept in the module crosses once, and an output only when it is read whole.
 */
public final class PoolGrid {
    private final Pooling.Grid grid;

    /** Checks the grid as {@code poolMax} does; the module keeps the copy the crossing made. */
    PoolGrid(double height, double width, double[] input) {
        grid = Pooling.grid(height, width, input);
    }

    /** Max pooling, as {@code poolMax}. */
    @JSExport
    public PoolOutput max(double kernel, double stride, double padding) {
        return new PoolOutput(grid.max(kernel, stride, padding));
    }

    /** Average pooling, as {@code poolAvg}. */
    @JSExport
    public PoolOutput avg(double kernel, double stride, double padding) {
        return new PoolOutput(grid.avg(kernel, stride, padding));
    }
}
