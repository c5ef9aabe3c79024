package org.simnotes.simapi;

/**
 * The many small shapes of a grid drawn with few SVG elements: the squares and crosses of one CSS class
 * as one {@code <path>}, one-character labels of one class as one {@code <text>} that places each
 * character. The page re-draws a figure on every control change, and a rect or text per cell (hundreds
 * at the largest sizes) cost more than a frame to parse, style and lay out. At most 12 classes of shapes
 * and 12 of characters per figure.
 */
public final class Shapes {
    private static final int MAX_CLASSES = 12;
    private final String[] pathClasses = new String[MAX_CLASSES];
    private final Chars[] paths = new Chars[MAX_CLASSES];
    private int pathCount;
    private final String[] textClasses = new String[MAX_CLASSES];
    private final Chars[] xs = new Chars[MAX_CLASSES];
    private final Chars[] ys = new Chars[MAX_CLASSES];
    private final Chars[] chars = new Chars[MAX_CLASSES];
    private int textCount;
    private final double inset;
    private final char[] squareRest;
    private final char[] crossRest;

    /** Squares of side {@code size}, and the crosses {@code inset} from their edges. */
    public Shapes(double size, double inset) {
        this.inset = inset;
        // The outline relative to the corner is the same for every square: written once.
        StringBuilder sq = new StringBuilder("h");
        Html.appendCoord(sq, size).append('v');
        Html.appendCoord(sq, size).append('h');
        Html.appendCoord(sq, -size).append('z');
        squareRest = sq.toString().toCharArray();
        double len = size - 2 * inset;
        StringBuilder cr = new StringBuilder("l");
        Html.appendCoord(cr, len).append(' ');
        Html.appendCoord(cr, len).append("m0 ");
        Html.appendCoord(cr, -len).append('l');
        Html.appendCoord(cr, -len).append(' ');
        Html.appendCoord(cr, len);
        crossRest = cr.toString().toCharArray();
    }

    /** A square with its top left corner at ({@code x}, {@code y}). */
    public Shapes square(String cls, double x, double y) {
        path(cls).add('M').addCoord(x).add(' ').addCoord(y).add(squareRest);
        return this;
    }

    /**
     * A {@code w}×{@code h} rectangle with its top left corner at ({@code x}, {@code y}): a run of cells of
     * one shade drawn as one shape.
     */
    public Shapes rect(String cls, double x, double y, double w, double h) {
        path(cls).add('M').addCoord(x).add(' ').addCoord(y).add('h').addCoord(w).add('v').addCoord(h).add('h').addCoord(-w)
                .add('z');
        return this;
    }

    /** An X inside the square at ({@code x}, {@code y}). */
    public Shapes cross(String cls, double x, double y) {
        path(cls).add('M').addCoord(x + inset).add(' ').addCoord(y + inset).add(crossRest);
        return this;
    }

    /** The character {@code c} placed at ({@code x}, {@code y}) (its anchor: CSS decides start or middle). */
    public Shapes glyph(String cls, double x, double y, char c) {
        int i = indexOf(textClasses, textCount, cls);
        if (i < 0) {
            i = textCount++;
            textClasses[i] = cls;
            xs[i] = new Chars();
            ys[i] = new Chars();
            chars[i] = new Chars();
        } else {
            xs[i].add(' ');
            ys[i].add(' ');
        }
        xs[i].addCoord(x);
        ys[i].addCoord(y);
        chars[i].add(c);
        return this;
    }

    /** Writes the paths (in the order their classes first came), then the texts. */
    public void drawInto(Svg svg) {
        for (int i = 0; i < pathCount; i++) {
            svg.path(pathClasses[i], paths[i]);
        }
        for (int i = 0; i < textCount; i++) {
            svg.glyphs(textClasses[i], xs[i], ys[i], Html.escape(chars[i].toString()));
        }
    }

    private Chars path(String cls) {
        int i = indexOf(pathClasses, pathCount, cls);
        if (i < 0) {
            i = pathCount++;
            pathClasses[i] = cls;
            paths[i] = new Chars();
        }
        return paths[i];
    }

    private static int indexOf(String[] classes, int count, String cls) {
        // Callers pass the same constant for a class again and again: found by identity first, it costs no
        // comparison of the many classes that share a long prefix ("cell level-").
        for (int i = 0; i < count; i++) {
            if (classes[i] == cls) {
                return i;
            }
        }
        for (int i = 0; i < count; i++) {
            if (classes[i].equals(cls)) {
                return i;
            }
        }
        return -1;
    }
}
