package org.simnotes.sim.widget;

/** Text and numbers as widgets write them into HTML and SVG, identically on the JVM and in the page. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * {@code value} rounded to {@code digits} decimals. Written by hand because the page's runtimes
     * have no {@code String.format}, and their {@code Double.toString} need not agree with the JVM's.
     */
    static String fixed(double value, int digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        long r = Math.round(Math.abs(value) * scale);
        StringBuilder sb = new StringBuilder();
        if (value < 0 && r != 0) {
            sb.append('-');
        }
        sb.append(r / scale);
        if (digits > 0) {
            String frac = Long.toString(r % scale);
            sb.append('.');
            for (int i = frac.length(); i < digits; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    /** A number in scientific notation with two significant decimals, e.g. {@code 3.14e-5}. */
    static String sci(double value) {
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

    /** Full precision, for data attributes a test or a screen reader may read. */
    static String exact(double value) {
        return Double.toString(value);
    }
}
