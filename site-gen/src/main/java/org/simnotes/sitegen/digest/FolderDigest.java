package org.simnotes.sitegen.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.stream.Stream;

/**
 * A digest of a folder's content: every file's path and bytes. Stages that read the templates are
 * keyed by it, so an edit is seen whatever the file system's clock says (a few dozen kilobytes: reading
 * them is cheaper than a page laid out).
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
                byte[] bytes = Files.readAllBytes(p);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(bytes);
            }
        }
        return Sha256.hexOf(sha);
    }
}
