package org.simnotes.simapi;

/**
 * A growing array of characters, for what a view gathers one small piece at a time: the outlines and
 * positions of {@link Shapes}, the attributes of {@link Attributes}, lists of numbers. Each piece is a store
 * into the array, where the page's StringBuilder makes each append a call with its own checks, and the
 * whole is appended to the view as one array.
 */
final class Chars implements CharSequence {
    private char[] chars = new char[256];
    private int length;

    Chars add(char c) {
        room(1);
        chars[length++] = c;
        return this;
    }

    Chars add(char[] cs) {
        room(cs.length);
        System.arraycopy(cs, 0, chars, length, cs.length);
        length += cs.length;
        return this;
    }

    /** Appends {@code s} in one copy. */
    Chars add(String s) {
        room(s.length());
        s.getChars(0, s.length(), chars, length);
        length += s.length();
        return this;
    }

    /** Appends the values at full precision (the digits of {@code Double.toString}), separated by spaces. */
    Chars addExact(double[] values) {
        for (int i = 0; i < values.length; i++) {
            room(ShortestDecimal.MAX_LENGTH + 1);
            if (i > 0) {
                chars[length++] = ' ';
            }
            length = ShortestDecimal.write(values[i], chars, length);
        }
        return this;
    }

    /** Appends the integers, separated by spaces. */
    Chars addInts(int[] values) {
        for (int i = 0; i < values.length; i++) {
            room(12);
            if (i > 0) {
                chars[length++] = ' ';
            }
            length = Html.writeInt(values[i], chars, length);
        }
        return this;
    }

    /** Appends {@link Html#appendCoord}'s text of {@code value}. */
    Chars addCoord(double value) {
        room(Html.COORD_LENGTH);
        length = Html.writeCoord(value, chars, length);
        return this;
    }

    /** Appends the characters to {@code sb} in one copy. */
    StringBuilder appendTo(StringBuilder sb) {
        return sb.append(chars, 0, length);
    }

    private void room(int more) {
        if (length + more > chars.length) {
            char[] grown = new char[Math.max(chars.length * 2, length + more)];
            System.arraycopy(chars, 0, grown, 0, length);
            chars = grown;
        }
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
