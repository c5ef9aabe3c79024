package org.simnotes.simapi;

/**
 * A growing array of characters, for the outlines and positions {@link Shapes} gathers one small piece at a
 * time: each piece is a store into the array, where the page's StringBuilder makes each append a call with
 * its own checks, and the whole is appended to the view as one array.
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
