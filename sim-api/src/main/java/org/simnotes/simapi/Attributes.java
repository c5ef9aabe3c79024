package org.simnotes.simapi;

/**
 * The attributes a view adds to an element, for the {@code extra} of {@link Svg}'s methods: often the data
 * behind a figure, whole lists of numbers, for tests and for anyone reading the markup. They are gathered
 * in one array of characters, as strings joined with {@code +} are copied one character at a time in the
 * page, once for each join.
 *
 * <pre>{@code
 * new Svg(sb, w, h, "sim-grid", "输入", new Attributes().text("data-grid", "input").numbers("data-values", x).toString());
 * }</pre>
 */
public final class Attributes {
    private final Chars chars = new Chars();

    /** {@code name="value"}, the value escaped. */
    public Attributes text(String name, String value) {
        return raw(name, Html.escape(value));
    }

    /** {@code name="value"}, for a value that needs no escaping (numbers and bits the view wrote itself). */
    public Attributes raw(String name, String value) {
        open(name).add(value).add('"');
        return this;
    }

    /** The values at full precision, separated by spaces, as {@link Html#exactList} writes them. */
    public Attributes numbers(String name, double[] values) {
        open(name).addExact(values).add('"');
        return this;
    }

    /** The integers, separated by spaces, as {@link Html#intList} writes them. */
    public Attributes ints(String name, int[] values) {
        open(name).addInts(values).add('"');
        return this;
    }

    private Chars open(String name) {
        return chars.add(' ').add(name).add('=').add('"');
    }

    /** The attributes, each with a space before it. */
    @Override
    public String toString() {
        return chars.toString();
    }
}
