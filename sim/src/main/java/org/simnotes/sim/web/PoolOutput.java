package org.simnotes.sim.web;

import org.simnotes.sim.PoolResult;
import org.simnotes.simapi.Check;
import org.simnotes.simapi.SimException;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSProperty;

/**
 * A pooling output kept in the page's module: read one cell at a time without copying the grid out, or
 * whole ({@link #values}, one copy as it crosses).
 */
public final class PoolOutput {
    private final PoolResult result;

    PoolOutput(PoolResult result) {
        this.result = result;
    }

    @JSExport
    @JSProperty
    public int getHeight() {
        return result.height();
    }

    @JSExport
    @JSProperty
    public int getWidth() {
        return result.width();
    }

    /** Output cell {@code index}, row-major. */
    @JSExport
    public double value(double index) {
        return result.output()[cell(index)];
    }

    /** For max pooling, the index into the input of output cell {@code index}'s value. */
    @JSExport
    public int argmax(double index) {
        return argmaxes()[cell(index)];
    }

    /** Every output cell, row-major. */
    @JSExport
    public double[] values() {
        return result.output();
    }

    /** For max pooling, the index into the input of each output cell's value. */
    @JSExport
    public int[] argmaxes() {
        if (result.argmax() == null) {
            throw new SimException("argmax", "average pooling has no argmax");
        }
        return result.argmax();
    }

    private int cell(double index) {
        return Check.integer("index", index, 0, result.output().length - 1);
    }
}
