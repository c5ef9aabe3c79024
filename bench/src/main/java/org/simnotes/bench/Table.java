package org.simnotes.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A markdown table, printed with padded columns so it reads in a terminal and pastes into BENCHMARKS.md. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    /** A number with three significant digits at most, e.g. 1234 → "1234", 12.345 → "12.3", 0.01234 → "0.0123". */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    @Override
    public String toString() {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            line(sb, rows.get(n), width);
            if (n == 0) {
                String[] rule = new String[cols];
                for (int i = 0; i < cols; i++) {
                    rule[i] = "-".repeat(width[i]);
                }
                line(sb, rule, width);
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        sb.append('|');
        for (int i = 0; i < cells.length; i++) {
            sb.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].codePointCount(0, cells[i].length()))).append(" |");
        }
        sb.append('\n');
    }
}
