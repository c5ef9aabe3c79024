package org.simnotes.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A page written in pieces has the bytes of the whole text encoded at once. */
class Utf8BufferTest {
    /** ASCII, accented Latin, Chinese, a pair (𝔼) and its halves alone, in runs of any length. */
    private static final String[] PIECES = {"<a href=\"x\">", "é", "梯度消失", "𝔼", "\uD835", "\uDD3C", "\n  ", "x"};

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        while (s.length() < 2000) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            // Long runs take the whole-text way, short ones the char-by-char one.
            s.append(piece.repeat(random.nextInt(3) == 0 ? 1 + random.nextInt(200) : 1));
        }
        return s.toString();
    }

    @Test
    void piecesGiveTheBytesOfTheWhole() throws IOException {
        Random random = new Random(19);
        for (int round = 0; round < 200; round++) {
            String text = text(random);
            Utf8Buffer buffer = new Utf8Buffer();
            int at = 0;
            while (at < text.length()) {
                // Cuts fall anywhere, between the halves of a pair too.
                int end = Math.min(text.length(), at + 1 + random.nextInt(random.nextBoolean() ? 5 : 600));
                switch (random.nextInt(4)) {
                    case 0 -> buffer.write(text.substring(at, end));
                    case 1 -> buffer.write(text, at, end - at);
                    case 2 -> buffer.write(text.toCharArray(), at, end - at);
                    default -> {
                        buffer.write(text.charAt(at));
                        end = at + 1;
                    }
                }
                at = end;
            }
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), buffer.toByteArray(), "round " + round);
        }
    }
}
