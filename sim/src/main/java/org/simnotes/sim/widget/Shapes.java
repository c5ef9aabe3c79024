package org.simnotes.sim.widget;

/**
 * The many small shapes of a grid drawn with few SVG elements: the squares and crosses of one CSS class
 * as one {@code <path>}, one-character labels of one class as one {@code <text>} that places each
 * character. The page re-draws a figure on every control change, and a rect or text per cell (hundreds
 * at the largest sizes) cost more than a frame to parse, style and lay out.
 */
final class Shapes {
    private static final int MAX_CLASSES = 12;
    private final String[] pathClasses = new String[MAX_CLASSES];
    private final StringBuilder[] paths = new StringBuilder[MAX_CLASSES];
    private int pathCount;
    private final String[] textClasses = new String[MAX_CLASSES];
    private final StringBuilder[] xs = new StringBuilder[MAX_CLASSES];
    private final StringBuilder[] ys = new StringBuilder[MAX_CLASSES];
    private final StringBuilder[] chars = new StringBuilder[MAX_CLASSES];
    private int textCount;

    /** A square with its top left corner at ({@code x}, {@code y}). */
    Shapes square(String cls, double x, double y, double size) {
        StringBuilder d = path(cls);
        d.append('M');
        Html.appendCoord(d, x).append(' ');
        Html.appendCoord(d, y).append('h');
        Html.appendCoord(d, size).append('v');
        Html.appendCoord(d, size).append('h');
        Html.appendCoord(d, -size).append('z');
        return this;
    }

    /** An X inside the square at ({@code x}, {@code y}) of side {@code size}, {@code inset} from its edges. */
    Shapes cross(String cls, double x, double y, double size, double inset) {
        double len = size - 2 * inset;
        StringBuilder d = path(cls);
        d.append('M');
        Html.appendCoord(d, x + inset).append(' ');
        Html.appendCoord(d, y + inset).append('l');
        Html.appendCoord(d, len).append(' ');
        Html.appendCoord(d, len).append("m0 ");
        Html.appendCoord(d, -len).append('l');
        Html.appendCoord(d, -len).append(' ');
        Html.appendCoord(d, len);
        return this;
    }

    /** The character {@code c} placed at ({@code x}, {@code y}) (its anchor: CSS decides start or middle). */
    Shapes glyph(String cls, double x, double y, char c) {
        int i = indexOf(textClasses, textCount, cls);
        if (i < 0) {
            i = textCount++;
            textClasses[i] = cls;
            xs[i] = new StringBuilder();
            ys[i] = new StringBuilder();
            chars[i] = new StringBuilder();
        } else {
            xs[i].append(' ');
            ys[i].append(' ');
        }
        Html.appendCoord(xs[i], x);
        Html.appendCoord(ys[i], y);
        chars[i].append(c);
        return this;
    }

    /** Writes the paths (in the order their classes first came), then the texts. */
    void drawInto(Svg svg) {
        for (int i = 0; i < pathCount; i++) {
            svg.path(pathClasses[i], paths[i]);
        }
        for (int i = 0; i < textCount; i++) {
            svg.glyphs(textClasses[i], xs[i], ys[i], Html.escape(chars[i].toString()));
        }
    }

    private StringBuilder path(String cls) {
        int i = indexOf(pathClasses, pathCount, cls);
        if (i < 0) {
            i = pathCount++;
            pathClasses[i] = cls;
            paths[i] = new StringBuilder(256);
        }
        return paths[i];
    }

    private static int indexOf(String[] classes, int count, String cls) {
        for (int i = 0; i < count; i++) {
            if (classes[i].equals(cls)) {
                return i;
            }
        }
        return -1;
    }
}
