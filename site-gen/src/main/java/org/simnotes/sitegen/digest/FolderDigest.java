package org.simnotes.sitegen.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.stream.Stream;

/**
 * A digest of a folder's content: every file's path and the {@link Fingerprint} of its bytes. Stages that
 * read the templates are keyed by it, and a build checks the whole course with it before anything else,
 * so an edit is seen whatever the file system's clock says (reading a course of 10,000 topics and taking
 * the CRCs of its bytes costs less than laying out a handful of pages).
 */
public final class FolderDigest {
    private FolderDigest() {
    }

    public static String of(Path dir) throws IOException {
        MessageDigest sha = Sha256.start();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Fingerprint.of(Files.readAllBytes(p)).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
            }
        }
        return Sha256.hexOf(sha);
    }
}
