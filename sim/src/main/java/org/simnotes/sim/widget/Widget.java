package org.simnotes.sim.widget;

/**
 * An interactive view of one simulation: its controls, and the HTML (SVG and figures) it shows for a
 * set of control values. The page calls {@link #render} through WebAssembly, the build through the
 * JVM, so the first picture a reader sees and every later one come from the same code.
 */
public interface Widget {
    String name();

    /** One line in Chinese saying what to try. */
    String caption();

    Param[] params();

    /**
     * Values that are each in range but do not fit together (a window larger than the grid, a time
     * step past the last) brought into agreement; returns the array it was given.
     */
    double[] settle(double[] values);

    /** The upper bounds that depend on other values, for the page's sliders: {@code key:max,key:max}. */
    String limits(double[] values);

    /** Appends the view for {@code values} (one per param, valid and settled) to {@code out}. */
    void render(double[] values, StringBuilder out);
}
