package org.simnotes.simapi;

/** Text and numbers as widgets write them into HTML and SVG, identically on the JVM and in the page. */
public final class Html {
    private Html() {
    }

    /** {@code s} with {@code & < > "} escaped, for element text and attribute values. */
    public static String escape(String s) {
        return appendEscaped(new StringBuilder(s.length() + 16), s).toString();
    }

    /** Appends {@code s} with {@code & < > "} escaped; the common case, nothing to escape, in one copy. */
    public static StringBuilder appendEscaped(StringBuilder sb, String s) {
        int i = 0;
        while (i < s.length() && !special(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return appendString(sb, s);
        }
        sb.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb;
    }

    /**
     * Appends {@code s} as one array copy. The page's runtime (TeaVM) appends a String to a StringBuilder
     * character by character, six times slower for one of 80 characters, and views append long ones:
     * attribute lists, labels, lists of numbers. Short literals are appended directly.
     */
    static StringBuilder appendString(StringBuilder sb, String s) {
        char[] chars = new char[s.length()];
        s.getChars(0, chars.length, chars, 0);
        return sb.append(chars, 0, chars.length);
    }

    /** One of {@code & < > "}, all at or below {@code >}, so most characters (and all Chinese) take one comparison. */
    private static boolean special(char c) {
        return c <= '>' && (c == '&' || c == '<' || c == '>' || c == '"');
    }

    /**
     * Appends the digits of {@code value}, as {@code sb.append(value)} does. The page's runtime appends an int
     * two to three times slower than this, and a view appends thousands (coordinates, figures).
     */
    public static StringBuilder appendInt(StringBuilder sb, int value) {
        char[] digits = new char[11];
        return sb.append(digits, 0, writeInt(value, digits, 0));
    }

    /** Writes the digits of {@code value} into {@code out} from {@code at} (11 places at most); returns the end. */
    static int writeInt(int value, char[] out, int at) {
        if (value < 0) {
            out[at++] = '-';
        }
        int end = at + 1;
        for (int rest = value / 10; rest != 0; rest /= 10) {
            end++;
        }
        int rest = value;
        for (int i = end - 1; i >= at; i--) {
            // Negative remainders for a negative value, so Integer.MIN_VALUE needs no special case.
            int digit = rest % 10;
            out[i] = (char) ('0' + (digit < 0 ? -digit : digit));
            rest /= 10;
        }
        return end;
    }

    /**
     * {@code value} rounded to {@code digits} decimals. Written by hand because the page's runtimes
     * have no {@code String.format}.
     */
    public static String fixed(double value, int digits) {
        return appendFixed(new StringBuilder(), value, digits).toString();
    }

    /** Appends {@link #fixed}'s text to {@code sb}, with no string of its own. */
    public static StringBuilder appendFixed(StringBuilder sb, double value, int digits) {
        if (Double.isNaN(value)) {
            return sb.append("NaN");
        }
        if (Double.isInfinite(value)) {
            return sb.append(value > 0 ? "∞" : "-∞");
        }
        int scale = scaleOf(digits);
        double scaled = Math.abs(value) * scale;
        if (scaled >= 2e9) {
            // Beyond int: the long arithmetic the JavaScript build emulates slowly, so only here.
            long r = Math.round(scaled);
            if (value < 0) {
                sb.append('-');
            }
            sb.append(r / scale);
            char[] fraction = new char[12];
            return sb.append(fraction, 0, writeFraction((int) (r % scale), scale, fraction, 0));
        }
        // Math.round without a long: floor(x + 0.5), as Math.round is defined; the cast is that floor for a
        // non-negative x, without the call out of the page's WebAssembly that Math.floor costs. The text is
        // written into one array and appended once.
        int r = (int) (scaled + 0.5);
        char[] text = new char[24];
        int at = 0;
        if (value < 0 && r != 0) {
            text[at++] = '-';
        }
        at = writeInt(r / scale, text, at);
        return sb.append(text, 0, writeFraction(r % scale, scale, text, at));
    }

    /**
     * Writes a point and {@code fraction} (below {@code scale}, a power of ten) with its leading zeros into {@code out}
     * from {@code at}, nothing when {@code scale} is 1; returns the end.
     */
    private static int writeFraction(int fraction, int scale, char[] out, int at) {
        if (scale > 1) {
            out[at++] = '.';
            for (int unit = scale / 10; unit > 1 && fraction < unit; unit /= 10) {
                out[at++] = '0';
            }
            at = writeInt(fraction, out, at);
        }
        return at;
    }

    private static int scaleOf(int digits) {
        int scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        return scale;
    }

    /**
     * A coordinate for SVG: one decimal, dropped when it is 0 ({@code 17}, {@code 8.5}, {@code -2}), so
     * the markup stays short.
     */
    public static StringBuilder appendCoord(StringBuilder sb, double value) {
        char[] text = new char[COORD_LENGTH];
        return sb.append(text, 0, writeCoord(value, text, 0));
    }

    /** The longest coordinate {@link #writeCoord} writes: a sign, ten digits, a point and a tenth. */
    static final int COORD_LENGTH = 13;

    /** Writes {@link #appendCoord}'s text into {@code out} from {@code at}; returns the end. */
    static int writeCoord(double value, char[] out, int at) {
        int whole = (int) value;
        if (whole == value) {
            return writeInt(whole, out, at);
        }
        int tenths = (int) (Math.abs(value) * 10 + 0.5);
        if (value < 0 && tenths != 0) {
            out[at++] = '-';
        }
        at = writeInt(tenths / 10, out, at);
        if (tenths % 10 != 0) {
            out[at++] = '.';
            out[at++] = (char) ('0' + tenths % 10);
        }
        return at;
    }

    /** A number in scientific notation with two significant decimals, e.g. {@code 3.14e-5}. */
    public static String sci(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return fixed(value, 0);
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(value)));
        double mantissa = value / Math.pow(10, exp);
        if (Math.abs(Math.round(mantissa * 100)) >= 1000) {
            mantissa /= 10;
            exp++;
        }
        return exp >= -2 && exp <= 3 ? fixed(value, Math.max(0, 2 - exp)) : fixed(mantissa, 2) + "e" + exp;
    }

    /**
     * Full precision, for data attributes a test or a screen reader may read: the shortest decimal that reads
     * back as {@code value}, as {@code Double.toString} writes it from Java 19 on ({@code 0.1}, {@code 1.0E-5}),
     * the same text on the JVM and in the page.
     */
    public static String exact(double value) {
        char[] text = new char[ShortestDecimal.MAX_LENGTH];
        return new String(text, 0, ShortestDecimal.write(value, text, 0));
    }

    /** Appends {@link #exact}'s text to {@code sb}, with no string of its own. */
    public static StringBuilder appendExact(StringBuilder sb, double value) {
        char[] text = new char[ShortestDecimal.MAX_LENGTH];
        return sb.append(text, 0, ShortestDecimal.write(value, text, 0));
    }

    /** {@link #exact} of each value, separated by spaces. */
    public static String exactList(double[] values) {
        return new Chars().addExact(values).toString();
    }

    /** The values, separated by spaces. */
    public static String intList(int[] values) {
        return new Chars().addInts(values).toString();
    }

    /**
     * The one short sentence a screen reader announces after a change (what the reader would look at
     * first), kept hidden in the view; without one the page announces the control and its new value.
     */
    public static void summary(StringBuilder out, String sentence) {
        appendEscaped(out.append("<p class=\"sim-summary\" hidden>"), sentence).append("</p>");
    }

    /**
     * The numbers a grid draws, as one paragraph for screen readers (hidden from sight by the page's style),
     * row by row: {@code values} is {@code rows × cols}, row-major, each written with {@code digits} decimals.
     * Text rather than a table, because the page redraws the view on every change and a cell an element
     * would cost more than a frame at the largest sizes.
     */
    public static void numbers(StringBuilder out, String caption, int rows, int cols, double[] values, int digits) {
        appendEscaped(out.append("<p class=\"sim-numbers\">"), caption).append('：');
        for (int r = 0; r < rows; r++) {
            appendInt(out.append(r == 0 ? "第 " : "；第 "), r + 1).append(" 行 ");
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    out.append(", ");
                }
                appendFixed(out, values[r * cols + c], digits);
            }
        }
        out.append("。</p>");
    }
}
