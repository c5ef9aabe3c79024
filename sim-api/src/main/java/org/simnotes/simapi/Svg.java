package org.simnotes.simapi;

/**
 * Writes SVG markup into the view being built (one buffer for the whole view: each copy of the markup
 * into another string cost the page's compiled code more than the JVM); colours come from CSS classes so
 * both themes apply.
 */
public final class Svg {
    /** A cell's class for its shade, 0 (empty) to 4 (full). */
    public static final String[] LEVELS = {"cell level-0", "cell level-1", "cell level-2", "cell level-3", "cell level-4"};

    /**
     * {@link #LEVELS} with more classes after each ({@code " selected"}), for a widget's constants: a class
     * joined anew for each cell cost the page a string each time.
     */
    public static String[] levels(String more) {
        String[] classes = new String[LEVELS.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = LEVELS[i] + more;
        }
        return classes;
    }

    /**
     * The shade, an index into {@link #LEVELS}, of a cell holding {@code fraction} (0 to 1) of the largest value:
     * ceil(4·fraction). Rounded up by hand, as Math.ceil is a call out of the page's WebAssembly, once per cell.
     */
    public static int level(double fraction) {
        double quarters = Math.min(4, Math.max(0, fraction * 4));
        int level = (int) quarters;
        return level < quarters ? level + 1 : level;
    }

    // The markup's fixed parts as char arrays: the page's runtime appends an array in one copy and a String
    // character by character, four times slower; the JVM appends either as fast.
    private static final char[] RECT = "<rect x=\"".toCharArray();
    private static final char[] TEXT = "<text x=\"".toCharArray();
    private static final char[] TEXT_CLASS = "<text class=\"".toCharArray();
    private static final char[] LINE = "<line x1=\"".toCharArray();
    private static final char[] CIRCLE = "<circle cx=\"".toCharArray();
    private static final char[] PATH = "<path class=\"".toCharArray();
    private static final char[] X = "\" x=\"".toCharArray();
    private static final char[] Y = "\" y=\"".toCharArray();
    private static final char[] Y1 = "\" y1=\"".toCharArray();
    private static final char[] X2 = "\" x2=\"".toCharArray();
    private static final char[] Y2 = "\" y2=\"".toCharArray();
    private static final char[] CY = "\" cy=\"".toCharArray();
    private static final char[] R = "\" r=\"".toCharArray();
    private static final char[] D = "\" d=\"".toCharArray();
    private static final char[] WIDTH = "\" width=\"".toCharArray();
    private static final char[] HEIGHT = "\" height=\"".toCharArray();
    private static final char[] CLASS = "\" class=\"".toCharArray();
    private static final char[] END_EMPTY = "\"/>".toCharArray();
    private static final char[] END_TEXT = "</text>".toCharArray();
    private static final char[] PICK = " data-pick=\"".toCharArray();
    private static final char[] RADIO = "\" role=\"radio\" aria-label=\"".toCharArray();
    private static final char[] CHECKED = "\" aria-checked=\"true\" tabindex=\"0\"".toCharArray();
    private static final char[] UNCHECKED = "\" aria-checked=\"false\"".toCharArray();

    private final StringBuilder sb;

    /** {@code extra} is more attributes of the {@code <svg>}, already escaped (e.g. data attributes). */
    public Svg(StringBuilder out, double width, double height, String cls, String label, String extra) {
        this(out, width, height, cls, "img", label, extra);
    }

    /**
     * A figure with the ARIA {@code role} given: {@code img} for a picture, {@code radiogroup} for one whose
     * shapes a reader chooses among (see {@link #pick}), since an image may hold nothing operable.
     */
    public Svg(StringBuilder out, double width, double height, String cls, String role, String label, String extra) {
        sb = out;
        // Natural size in CSS pixels, so small grids stay small; CSS scales wide ones down on a phone.
        String w = Html.fixed(width, 0);
        String h = Html.fixed(height, 0);
        sb.append("<svg class=\"").append(cls).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" role=\"").append(role).append("\" aria-label=\"");
        Html.appendString(Html.appendEscaped(sb, label).append('"'), extra).append('>');
    }

    /** A rectangle; {@code extra} is more attributes, already escaped (e.g. data attributes). */
    public Svg rect(double x, double y, double w, double h, String cls, String extra) {
        Html.appendString(openRect(x, y, w, h, cls), extra).append('/').append('>');
        return this;
    }

    /**
     * A rectangle that is one choice of a {@code radiogroup} figure, with {@link #pick}'s attributes written
     * straight into the view: a large grid has a hundred, and each string made and copied again cost the page
     * a few per cent of the view.
     */
    public Svg pickRect(double x, double y, double w, double h, String cls, String key, int value, String label, boolean chosen) {
        appendPick(openRect(x, y, w, h, cls), key, value, label, chosen).append('/').append('>');
        return this;
    }

    /** A rectangle's start, up to its class. */
    private StringBuilder openRect(double x, double y, double w, double h, String cls) {
        Html.appendCoord(sb.append(RECT), x).append(Y);
        Html.appendCoord(sb, y).append(WIDTH);
        Html.appendCoord(sb, w).append(HEIGHT);
        Html.appendCoord(sb, h).append(CLASS);
        return Html.appendString(sb, cls).append('"');
    }

    /** The text {@code text} (escaped here) anchored at ({@code x}, {@code y}). */
    public Svg text(double x, double y, String cls, String text) {
        Html.appendCoord(sb.append(TEXT), x).append(Y);
        Html.appendCoord(sb, y).append(CLASS);
        Html.appendString(sb, cls).append('"').append('>');
        Html.appendEscaped(sb, text).append(END_TEXT);
        return this;
    }

    /** A line from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}). */
    public Svg line(double x1, double y1, double x2, double y2, String cls) {
        Html.appendCoord(sb.append(LINE), x1).append(Y1);
        Html.appendCoord(sb, y1).append(X2);
        Html.appendCoord(sb, x2).append(Y2);
        Html.appendCoord(sb, y2).append(CLASS);
        Html.appendString(sb, cls).append(END_EMPTY);
        return this;
    }

    /** A circle of radius {@code r} centred on ({@code cx}, {@code cy}). */
    public Svg circle(double cx, double cy, double r, String cls) {
        Html.appendCoord(sb.append(CIRCLE), cx).append(CY);
        Html.appendCoord(sb, cy).append(R);
        Html.appendCoord(sb, r).append(CLASS);
        Html.appendString(sb, cls).append(END_EMPTY);
        return this;
    }

    /** A path whose outline {@code d} was written by {@link Shapes}. */
    public Svg path(String cls, CharSequence d) {
        appendText(Html.appendString(sb.append(PATH), cls).append(D), d).append(END_EMPTY);
        return this;
    }

    /** One text whose characters sit at the positions listed in {@code xs} and {@code ys}. */
    public Svg glyphs(String cls, CharSequence xs, CharSequence ys, String text) {
        appendText(Html.appendString(sb.append(TEXT_CLASS), cls).append(X), xs).append(Y);
        Html.appendString(appendText(sb, ys).append('"').append('>'), text).append(END_TEXT);
        return this;
    }

    /**
     * Appends {@code text}; the outlines {@link Shapes} gathers and a StringBuilder's characters go across as one
     * array, which in the page is several times faster than the character-by-character copy its runtime makes of
     * any CharSequence.
     */
    private static StringBuilder appendText(StringBuilder out, CharSequence text) {
        if (text instanceof Chars chars) {
            return chars.appendTo(out);
        }
        if (text instanceof StringBuilder part) {
            char[] chars = new char[part.length()];
            part.getChars(0, chars.length, chars, 0);
            return out.append(chars, 0, chars.length);
        }
        return text instanceof String string ? Html.appendString(out, string) : out.append(text);
    }

    /** Opens a group of shapes; {@code extra} is more attributes, already escaped (e.g. a {@code data-key} the page reads on a click). */
    public Svg openGroup(String cls, String extra) {
        Html.appendString(Html.appendString(sb.append("<g class=\""), cls).append('"'), extra).append('>');
        return this;
    }

    /** Closes the group last opened. */
    public Svg closeGroup() {
        sb.append("</g>");
        return this;
    }

    /** Closes the {@code <svg>}; call once, after the last shape. */
    public void end() {
        sb.append("</svg>");
    }

    /**
     * The attributes that make a shape one choice of a {@code radiogroup} figure: the page sets {@code key}
     * to {@code value} when it is clicked, or focused and chosen by Enter, Space or an arrow key. Only the
     * chosen one takes focus, so a large grid is one tab stop (an arrow key moves the choice and the focus
     * with it); {@code label} is what a screen reader says.
     */
    public static String pick(String key, int value, String label, boolean chosen) {
        // One buffer for all four attributes: each string joined to another is copied again, and in the page
        // that cost more than the rest of a large grid's choices.
        return appendPick(new StringBuilder(80 + label.length()), key, value, label, chosen).toString();
    }

    private static StringBuilder appendPick(StringBuilder sb, String key, int value, String label, boolean chosen) {
        Html.appendInt(Html.appendString(sb.append(PICK), key).append(':'), value).append(RADIO);
        return Html.appendEscaped(sb, label).append(chosen ? CHECKED : UNCHECKED);
    }

    /** The attribute {@code name="value"} with a leading space, {@code value} escaped. */
    public static String attr(String name, String value) {
        StringBuilder attr = new StringBuilder(name.length() + value.length() + 8).append(' ').append(name).append("=\"");
        return Html.appendEscaped(attr, value).append('"').toString();
    }

    /** An attribute whose value needs no escaping (numbers, written by the widget itself). */
    public static String rawAttr(String name, String value) {
        return " " + name + "=\"" + value + "\"";
    }
}
