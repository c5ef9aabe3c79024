package org.simnotes.simapi;

/**
 * One control of a widget: a number in a range (slider or seed box) or a choice among named options.
 * The same description validates an author's block at build time and a reader's input in the page.
 */
public final class Param {
    private final String key;
    private final String label;
    private final double min;
    private final double max;
    private final double step;
    private final double fallback;
    private final String[] choices;
    private final String[] choiceLabels;

    private Param(String key, String label, double min, double max, double step, double fallback,
                  String[] choices, String[] choiceLabels) {
        this.key = key;
        this.label = label;
        this.min = min;
        this.max = max;
        this.step = step;
        this.fallback = fallback;
        this.choices = choices;
        this.choiceLabels = choiceLabels;
    }

    /** A number from {@code min} to {@code max} in steps of {@code step} (1 for whole numbers). */
    public static Param number(String key, String label, double min, double max, double step, double fallback) {
        return new Param(key, label, min, max, step, fallback, null, null);
    }

    /** One of {@code choices}; its value is the index of the choice. */
    public static Param choice(String key, String label, String[] choices, String[] labels, int fallback) {
        return new Param(key, label, 0, choices.length - 1, 1, fallback, choices, labels);
    }

    /** The name in a block and in a link, e.g. {@code keepProb}. */
    public String key() {
        return key;
    }

    /** The control's label on the page. */
    public String label() {
        return label;
    }

    /** The smallest value (0 for a choice). */
    public double min() {
        return min;
    }

    /** The largest value (the last index for a choice). */
    public double max() {
        return max;
    }

    /** The distance between two values the control can take. */
    public double step() {
        return step;
    }

    /** The default value, used when a block or a link gives none or an invalid one. */
    public double fallback() {
        return fallback;
    }

    /** Whether the control is a choice among named options. */
    public boolean isChoice() {
        return choices != null;
    }

    /** Whether every value is a whole number (whole minimum and step). */
    public boolean isWhole() {
        return step == Math.floor(step) && min == Math.floor(min);
    }

    /** The number of options (0 for a number). */
    public int choiceCount() {
        return choices == null ? 0 : choices.length;
    }

    /** The name of option {@code i}, as written in a block or a link. */
    public String choice(int i) {
        return choices[i];
    }

    /** The label of option {@code i} on the page. */
    public String choiceLabel(int i) {
        return choiceLabels[i];
    }

    /**
     * Reads a written value ({@code 0.5}, {@code max}); throws with a message naming the parameter and
     * what it allows. Only plain decimals are numbers: the spellings Java alone reads ({@code 3d},
     * {@code 0x1p1}, {@code NaN}) mean nothing to an author or a reader, and a value between the
     * control's steps is one its slider cannot show.
     */
    public double parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        if (choices != null) {
            for (int i = 0; i < choices.length; i++) {
                if (choices[i].equals(text)) {
                    return i;
                }
            }
            throw new SimException(key, key + " must be " + allowed() + ", got '" + text + "'");
        }
        if (!isDecimal(text)) {
            throw new SimException(key, key + " must be a number, got '" + text + "' (expected " + allowed() + ")");
        }
        double value = Double.parseDouble(text);
        if (isWhole()) {
            Check.integer(key, value, (int) min, (int) max);
        } else {
            Check.range(key, value, min, max);
        }
        double steps = (value - min) / step;
        if (Math.abs(steps - Math.floor(steps + 0.5)) > 1e-9) {
            throw new SimException(key, key + " must be " + allowed() + ", got " + Check.show(value));
        }
        return value;
    }

    /** What the parameter accepts, for messages: {@code a whole number between 16 and 256 in steps of 16}. */
    public String allowed() {
        if (choices != null) {
            return "one of " + join(choices);
        }
        return (isWhole() ? "a whole number" : "a number") + " between " + Check.show(min) + " and " + Check.show(max)
                + (step == 1 ? "" : " in steps of " + Check.show(step));
    }

    /** JSON's spelling of a number: {@code -}, digits, then optionally a fraction and an exponent. */
    private static boolean isDecimal(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        int digits = skipDigits(text, i);
        if (digits == i) {
            return false;
        }
        i = digits;
        if (i < text.length() && text.charAt(i) == '.') {
            digits = skipDigits(text, i + 1);
            if (digits == i + 1) {
                return false;
            }
            i = digits;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            digits = skipDigits(text, i);
            if (digits == i) {
                return false;
            }
            i = digits;
        }
        return i == text.length();
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** How the value is written in a block or a link: the choice's name, or the number. */
    public String format(double value) {
        return choices != null ? choices[(int) value] : Check.show(value);
    }

    private static String join(String[] names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]);
        }
        return sb.toString();
    }
}
