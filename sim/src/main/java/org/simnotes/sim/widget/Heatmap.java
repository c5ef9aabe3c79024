package org.simnotes.sim.widget;

import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Shapes;
import org.simnotes.simapi.Svg;

/**
 * A matrix drawn as shaded cells: values from 0 to a maximum in the accent colour, or signed values in
 * two colours. Neighbouring cells of one shade in a row are one rectangle and every shade is one path, so a
 * table of hundreds of cells stays a handful of elements. The values at full precision ride on the group as
 * {@code data-values} (row-major), masked cells as {@code data-masked} (0s and 1s).
 */
final class Heatmap {
    private static final String[] NEGATIVE = {"cell level-0", "cell neg-1", "cell neg-2", "cell neg-3", "cell neg-4"};
    private static final String MASKED = "cell dropped";
    /** Room for a row label of a few characters, or a column label above the cells. */
    private static final double LABEL = 14;

    private final String role;
    private final int rows;
    private final int cols;
    private final double[] values;
    private double cellWidth = 24;
    private double cellHeight = 24;
    private double max = 1;
    private boolean signed;
    private int digits = -1;
    private boolean[] masked;
    private String maskedText = "";
    private String[] rowLabels;
    private String[] colLabels;
    private double rowLabelWidth;
    /** The framed block: first row, rows, first column, columns (no frame while rows is 0). */
    private final int[] outline = new int[4];

    /** {@code values} is {@code rows × cols}, row-major; {@code role} names the table in {@code data-grid}. */
    Heatmap(String role, int rows, int cols, double[] values) {
        this.role = role;
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    /** The size of one cell. */
    Heatmap cell(double width, double height) {
        cellWidth = width;
        cellHeight = height;
        return this;
    }

    /** Values from 0 (empty) to {@code max} (full); larger ones are drawn full. */
    Heatmap range(double max) {
        this.max = max;
        signed = false;
        return this;
    }

    /** Signed values, shaded by their size relative to the largest size in the table. */
    Heatmap signed() {
        signed = true;
        max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return this;
    }

    /** Writes each value in its cell with {@code digits} decimals. */
    Heatmap numbers(int digits) {
        this.digits = digits;
        return this;
    }

    /** Cells drawn dashed and empty but for {@code text}: masked out, or not yet computed. */
    Heatmap masked(boolean[] masked, String text) {
        this.masked = masked;
        maskedText = text;
        return this;
    }

    /** Labels beside the rows ({@code width} wide) and above the columns; either may be null. */
    Heatmap labels(String[] rowLabels, double width, String[] colLabels) {
        this.rowLabels = rowLabels;
        rowLabelWidth = rowLabels == null ? 0 : width;
        this.colLabels = colLabels;
        return this;
    }

    /** Draws a frame around rows {@code from} … {@code from + count − 1}. */
    Heatmap outlineRows(int from, int count) {
        return outline(from, count, 0, cols);
    }

    /** Draws a frame around column {@code col}. */
    Heatmap outlineColumn(int col) {
        return outline(0, rows, col, 1);
    }

    private Heatmap outline(int row, int rowCount, int col, int colCount) {
        outline[0] = row;
        outline[1] = rowCount;
        outline[2] = col;
        outline[3] = colCount;
        return this;
    }

    double width() {
        return rowLabelWidth + cols * cellWidth;
    }

    double height() {
        return (colLabels == null ? 0 : LABEL) + rows * cellHeight;
    }

    /** The shade of {@code v}: its class. */
    String shade(double v) {
        int level = max == 0 ? 0 : Svg.level(Math.abs(v) / max);
        return signed && v < 0 ? NEGATIVE[level] : Svg.LEVELS[level];
    }

    /** Draws the table with its top left corner at ({@code x}, {@code y}). */
    void draw(Svg svg, double x, double y) {
        Attributes data = new Attributes().text("data-grid", role).raw("data-rows", Integer.toString(rows))
                .raw("data-cols", Integer.toString(cols)).numbers("data-values", values);
        if (masked != null) {
            data.raw("data-masked", bits(masked));
        }
        svg.openGroup("heatmap", data.toString());
        double left = x + rowLabelWidth;
        double top = y + (colLabels == null ? 0 : LABEL);
        for (int c = 0; colLabels != null && c < cols; c++) {
            if (colLabels[c] != null) {
                svg.text(left + c * cellWidth + cellWidth / 2, y + 10, "axis-label", colLabels[c]);
            }
        }
        Shapes cells = new Shapes(cellWidth, 0);
        for (int r = 0; r < rows; r++) {
            if (rowLabels != null && rowLabels[r] != null) {
                svg.text(left - 4, top + r * cellHeight + cellHeight / 2 + 4, "axis", rowLabels[r]);
            }
            int c = 0;
            while (c < cols) {
                String cls = classOf(r * cols + c);
                int end = c + 1;
                // The classes are constants: the same one is the same string, and most neighbours share theirs.
                while (end < cols && same(classOf(r * cols + end), cls)) {
                    end++;
                }
                cells.rect(cls, left + c * cellWidth, top + r * cellHeight, (end - c) * cellWidth, cellHeight);
                c = end;
            }
        }
        cells.drawInto(svg);
        for (int i = 0; digits >= 0 && i < values.length; i++) {
            boolean off = masked != null && masked[i];
            if (!off || !maskedText.isEmpty()) {
                svg.text(left + (i % cols) * cellWidth + cellWidth / 2, top + (i / cols) * cellHeight + cellHeight / 2 + 4,
                        off ? "cell-value faint" : "cell-value", off ? maskedText : Html.fixed(values[i], digits));
            }
        }
        if (outline[1] > 0) {
            svg.rect(left + outline[2] * cellWidth - 1, top + outline[0] * cellHeight - 1, outline[3] * cellWidth + 2,
                    outline[1] * cellHeight + 2, "window", "");
        }
        svg.closeGroup();
    }

    /** The table as a figure of its own, under {@code title}. */
    void figure(StringBuilder out, String title) {
        double w = Math.max(width(), titleWidth(title));
        Svg svg = new Svg(out, w, height() + 22, "sim-grid", title, "");
        svg.text(0, 14, "sim-title", title);
        draw(svg, 0, 22);
        svg.end();
        numbers(out, title);
    }

    /** The values as a table for screen readers, which a picture alone leaves with none; call after the figure. */
    void numbers(StringBuilder out, String title) {
        // A masked cell drawn empty still has its value listed, so the caption says which those are.
        boolean blank = masked != null && maskedText.isEmpty();
        Html.numbers(out, title + " 的数值" + (blank ? "（虚线格被遮住，列出的是遮住前的值）" : ""), rows, cols, values,
                digits >= 0 ? digits : 2);
    }

    /** About how wide {@code title} is drawn: a CJK character is as wide as the font is high, Latin half that. */
    static double titleWidth(String title) {
        double w = 0;
        for (int i = 0; i < title.length(); i++) {
            w += title.charAt(i) < 0x2e80 ? 7 : 12;
        }
        return w;
    }

    private static boolean same(String a, String b) {
        return a == b || a.equals(b);
    }

    private String classOf(int i) {
        return masked != null && masked[i] ? MASKED : shade(values[i]);
    }

    /** The flags as a string of 0s and 1s. */
    static String bits(boolean[] flags) {
        StringBuilder sb = new StringBuilder(flags.length);
        for (boolean f : flags) {
            sb.append(f ? '1' : '0');
        }
        return sb.toString();
    }
}
