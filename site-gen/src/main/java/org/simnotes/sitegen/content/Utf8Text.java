package org.simnotes.sitegen.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.simnotes.sitegen.fault.Problems;

/** A source file's bytes as text: UTF-8 strictly, so a stray byte is found at its line rather than shown as '�'. */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The text without byte order marks, or null with the line of the first bad byte recorded in {@code problems}. */
    static String decode(Path file, byte[] bytes, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            problems.error(file, lineAt(bytes, in.position()), String.format(
                    "not valid UTF-8 text: byte 0x%02X cannot start or continue a character; save the file as UTF-8",
                    bytes[in.position()] & 0xFF));
            return null;
        }
        return out.flip().toString().replace("\uFEFF", "");
    }

    private static int lineAt(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
