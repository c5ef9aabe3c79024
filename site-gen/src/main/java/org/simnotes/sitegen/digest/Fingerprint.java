package org.simnotes.sitegen.digest;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A fingerprint of bytes for telling a changed file or text from an unchanged one: the length and two
 * CRCs of different polynomials (64 bits between them). The JVM computes both with the processor's CRC
 * instructions even in its quick compiler, where SHA-256 is tens of times slower; a change slips past
 * only if both CRCs and the length come out the same. Nothing keyed by one is trusted against
 * deliberate collisions, only against accidents: what is fingerprinted is the author's own course.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** The fingerprint of {@code bytes} in lower-case hex. */
    public static String of(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        CRC32 d = new CRC32();
        d.update(bytes);
        return Long.toHexString(bytes.length) + '-' + Long.toHexString(c.getValue() << 32 | d.getValue());
    }
}
