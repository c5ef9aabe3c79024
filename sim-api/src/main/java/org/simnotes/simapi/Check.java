package org.simnotes.simapi;

/**
 * Parameter validation shared by the simulations. Every size arrives as a {@code double} (that is what a
 * JavaScript number or a JSON number is), so integrality and range are checked here before conversion.
 * Kept free of {@code String.format} and collections so the web build stays small.
 */
public final class Check {

    /** 2^53 - 1: the largest integer that a double (and a JavaScript number) holds exactly. */
    public static final double MAX_SAFE_INTEGER = 9007199254740991.0;

    private Check() {
    }

    /** Returns {@code value} as an int after checking it is an integer in {@code [min, max]}. */
    public static int integer(String name, double value, int min, int max) {
        if (value != value || value == Double.POSITIVE_INFINITY || value == Double.NEGATIVE_INFINITY
                || value != Math.floor(value)) {
            throw new SimException(name, name + " must be an integer between " + min + " and " + max
                    + ", got " + show(value));
        }
        if (value < min || value > max) {
            throw new SimException(name, name + " must be between " + min + " and " + max
                    + ", got " + show(value));
        }
        return (int) value;
    }

    /** Checks that {@code value} is a number in {@code [min, max]} (NaN is rejected). */
    public static double range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new SimException(name, name + " must be between " + show(min) + " and " + show(max)
                    + ", got " + show(value));
        }
        return value;
    }

    /** Checks that {@code values} is present, has {@code length} entries and holds only finite numbers. */
    public static double[] finiteArray(String name, double[] values, int length, String lengthText) {
        if (values == null) {
            throw new SimException(name, name + " is missing: expected " + lengthText + " = " + length
                    + " values");
        }
        if (values.length != length) {
            throw new SimException(name, name + " must have " + lengthText + " = " + length
                    + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!isFinite(v)) {
                throw new SimException(name, name + "[" + i + "] must be a finite number, got " + show(v));
            }
        }
        return values;
    }

    /**
     * Checks that results computed from finite inputs stayed finite: a sum or product past the largest
     * double (about 1.8e308) is a request the simulation cannot answer, not an answer of Infinity or NaN.
     * {@code cause} says what grew and what to change.
     */
    public static double[] finiteResult(String name, double[] values, String cause) {
        for (int i = 0; i < values.length; i++) {
            finiteResult(name, i, values[i], cause);
        }
        return values;
    }

    /** {@link #finiteResult(String, double[], String)} for entry {@code index} of result {@code name}. */
    public static double finiteResult(String name, int index, double value, String cause) {
        if (!isFinite(value)) {
            throw new SimException(name, name + "[" + index + "] overflows a double: " + cause);
        }
        return value;
    }

    /**
     * v − v is 0 for every finite v and NaN for NaN and the infinities: one comparison, where three cost the
     * page's compiled code twice the time on a large grid.
     */
    private static boolean isFinite(double v) {
        return v - v == 0;
    }

    /** Formats a number for a message: integers without a trailing {@code .0}. */
    public static String show(double value) {
        if (value == Math.floor(value) && Math.abs(value) < 1e18) {
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return Integer.toString((int) value);
            }
            return Long.toString((long) value);
        }
        return String.valueOf(value);
    }
}
