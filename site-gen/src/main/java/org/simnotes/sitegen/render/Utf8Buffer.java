package org.simnotes.sitegen.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page as Thymeleaf writes it, encoded to UTF-8 as it comes, so a page is never held as one long
 * string first and then encoded again. The bytes are those {@code String.getBytes(UTF_8)} gives for
 * all the text written: a surrogate without its pair becomes {@code ?}, even when the pair would have
 * been split between two writes.
 */
final class Utf8Buffer extends Writer {
    private static final int CHUNK = 2048;
    /** Texts this long are encoded whole by {@code String.getBytes}, in one pass; for shorter ones its new array costs more than that saves. */
    private static final int WHOLE = 256;

    private final char[] chars = new char[CHUNK];
    private byte[] bytes = new byte[1 << 16];
    private int size;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char high;

    @Override
    public void write(String text, int offset, int length) {
        if (length >= WHOLE && length == text.length() && high == 0 && !Character.isHighSurrogate(text.charAt(length - 1))) {
            // A long text (a topic's body) in one pass of the JDK's own encoder, with no pair split from this one.
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            room(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
            return;
        }
        for (int end = offset + length; offset < end; offset += CHUNK) {
            int n = Math.min(CHUNK, end - offset);
            text.getChars(offset, offset + n, chars, 0);
            encode(chars, 0, n);
        }
    }

    @Override
    public void write(char[] text, int offset, int length) {
        encode(text, offset, length);
    }

    @Override
    public void write(int c) {
        chars[0] = (char) c;
        encode(chars, 0, 1);
    }

    private void encode(char[] text, int offset, int length) {
        // At most three bytes a char: a pair's four bytes are two chars' worth.
        room(3 * length + 1);
        byte[] b = bytes;
        int n = size;
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = text[i];
            if (high != 0) {
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    high = 0;
                    b[n++] = (byte) (0xF0 | cp >> 18);
                    b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | cp & 0x3F);
                    continue;
                }
                high = 0;
                b[n++] = '?';
            }
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                high = c;
            } else if (Character.isLowSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = n;
    }

    private void room(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
        }
    }

    /** Everything written, as UTF-8. */
    byte[] toByteArray() {
        if (high != 0) {
            high = 0;
            write('?');
        }
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void flush() {
        // Nothing is held back but a surrogate waiting for its pair.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
