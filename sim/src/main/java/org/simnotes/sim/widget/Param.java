package org.simnotes.sim.widget;

import org.simnotes.sim.Check;
import org.simnotes.sim.SimException;

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

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double step() {
        return step;
    }

    public double fallback() {
        return fallback;
    }

    public boolean isChoice() {
        return choices != null;
    }

    public boolean isWhole() {
        return step == Math.floor(step) && min == Math.floor(min);
    }

    public int choiceCount() {
        return choices == null ? 0 : choices.length;
    }

    public String choice(int i) {
        return choices[i];
    }

    public String choiceLabel(int i) {
        return choiceLabels[i];
    }

    /** Reads a written value ({@code 0.5}, {@code max}); throws with a message naming the parameter. */
    public double parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        if (choices != null) {
            for (int i = 0; i < choices.length; i++) {
                if (choices[i].equals(text)) {
                    return i;
                }
            }
            throw new SimException(key, key + " must be one of " + join(choices) + ", got '" + text + "'");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new SimException(key, key + " must be a number, got '" + text + "'");
        }
        if (isWhole()) {
            return Check.integer(key, value, (int) min, (int) max);
        }
        return Check.range(key, value, min, max);
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
