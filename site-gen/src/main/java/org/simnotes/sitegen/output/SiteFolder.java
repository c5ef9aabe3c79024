package org.simnotes.sitegen.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A site folder written so that readers never see half of it: files go into a staging folder beside
 * the target, which replaces the target by rename on {@link #commit}. Closing without a commit (a
 * failed build) leaves the previous site exactly as it was. The target is checked by an
 * {@link OutputGuard} first; a symbolic link to it stays a link, and the folder it leads to is replaced.
 */
public final class SiteFolder implements SiteOutput, AutoCloseable {
    private static final String MARKER_TEXT = "SimNotes wrote this folder and replaces it whole on every build:"
            + " anything else put here is lost.\n";

    private final Path target;
    private final StagingFolder staging;

    public SiteFolder(Path target, OutputGuard guard) throws IOException {
        this.target = guard.siteFolder(target);
        this.staging = new StagingFolder(this.target);
    }

    @Override
    public void add(OutputFile file) throws IOException {
        staging.write(file);
    }

    public void commit() throws IOException {
        Path dir = staging.dir();
        staging.write(new OutputFile(OutputGuard.MARKER, MARKER_TEXT.getBytes(StandardCharsets.UTF_8)));
        if (!Files.exists(target)) {
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        // A site made readable to a web server stays readable.
        StagingFolder.copyPermissions(target, dir);
        Path old = StagingFolder.sibling(target, "old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        StagingFolder.deleteTree(old);
    }

    @Override
    public void close() throws IOException {
        staging.close();
    }
}
