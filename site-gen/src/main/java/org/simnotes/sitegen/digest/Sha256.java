package org.simnotes.sitegen.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest the generator uses: for asset names, cache keys and telling changed files. */
public final class Sha256 {
    private Sha256() {
    }

    /** A fresh digest, for content fed in parts. */
    public static MessageDigest start() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The digest of {@code bytes} in lower-case hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(start().digest(bytes));
    }

    /** A finished digest's bytes in lower-case hex. */
    public static String hexOf(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
