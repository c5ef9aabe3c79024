package org.simnotes.sitegen.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.stream.Stream;

/**
 * A digest of a folder's content: every file's path and the {@link Fingerprint} of its bytes, and every
 * link's path and where it leads. Stages that
 * read the templates are keyed by it, and a build checks the whole course with it before anything else,
 * so an edit is seen whatever the file system's clock says (reading a course of 10,000 topics and taking
 * the CRCs of its bytes costs less than laying out a handful of pages).
 */
public final class FolderDigest {
    private FolderDigest() {
    }

    public static String of(Path folder) throws IOException {
        MessageDigest sha = Sha256.start();
        // The folder itself may be reached through a link.
        Path dir = folder.toRealPath();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted().toList()) {
                // A link goes in as where it leads, never read through: it may lead outside the folder, and
                // what it leads to inside is walked as itself.
                String what;
                if (Files.isSymbolicLink(p)) {
                    what = "link " + Files.readSymbolicLink(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    what = Fingerprint.of(Files.readAllBytes(p));
                } else {
                    continue;
                }
                sha.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(what.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
        }
        return Sha256.hexOf(sha);
    }
}
