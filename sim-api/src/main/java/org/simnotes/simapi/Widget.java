package org.simnotes.simapi;

/**
 * An interactive view of one simulation: its controls, and the HTML (SVG and figures) it shows for a
 * set of control values. The page calls {@link #render} through WebAssembly, the build through the
 * JVM, so the first picture a reader sees and every later one come from the same code.
 *
 * <p>An implementation is a public class with a public no-argument constructor, listed by its full name in
 * {@code META-INF/services/org.simnotes.simapi.Widget}; {@link Widgets} finds it there. It must compile with
 * TeaVM: plain Java arithmetic, strings, arrays and {@code StringBuilder} do; reflection, threads, files and
 * {@code String.format} do not. The package documentation has a complete example.
 */
public interface Widget {
    /** The name an author writes after {@code ```sim} to embed the widget, e.g. {@code dropout}. */
    String name();

    /** One line saying what to try, shown under the view. */
    String caption();

    /** The controls, in the order of the values passed to {@link #settle}, {@link #limits} and {@link #render}. */
    Param[] params();

    /**
     * Values that are each in range but do not fit together (a window larger than the grid, a time
     * step past the last) brought into agreement; returns the array it was given. By default every
     * combination fits and the values are returned unchanged.
     */
    default double[] settle(double[] values) {
        return values;
    }

    /**
     * The upper bounds that depend on other values, for the page's sliders: {@code key:max,key:max}.
     * By default there are none (an empty string) and each slider keeps its parameter's own maximum.
     */
    default String limits(double[] values) {
        return "";
    }

    /** Appends the view for {@code values} (one per param, valid and settled) to {@code out}. */
    void render(double[] values, StringBuilder out);
}
