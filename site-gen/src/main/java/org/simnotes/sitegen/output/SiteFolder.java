package org.simnotes.sitegen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A site folder written so that readers never see half of it: files go into a staging folder beside
 * the target, which replaces the target by rename on {@link #commit}. Closing without a commit (a
 * failed build) leaves the previous site exactly as it was.
 */
public final class SiteFolder implements SiteOutput, AutoCloseable {
    private final Path target;
    private final StagingFolder staging;

    public SiteFolder(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.staging = new StagingFolder(this.target);
    }

    @Override
    public void add(OutputFile file) throws IOException {
        staging.write(file);
    }

    public void commit() throws IOException {
        Path dir = staging.dir();
        if (!Files.exists(target)) {
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
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
