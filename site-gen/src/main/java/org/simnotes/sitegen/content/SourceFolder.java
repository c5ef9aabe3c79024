package org.simnotes.sitegen.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.simnotes.sitegen.fault.Problems;

/**
 * A folder a course is read from (content or templates). A file in it is read only where its real
 * path, every link on the way resolved, is inside the folder's real path: a link may point elsewhere
 * in the folder, but never makes the build read, and so publish, a file from elsewhere on the machine.
 */
public final class SourceFolder {
    private final Path dir;
    private final Path real;

    /** @throws IOException when {@code dir} does not exist or cannot be resolved */
    public SourceFolder(Path dir) throws IOException {
        this.dir = dir;
        this.real = dir.toRealPath();
    }

    /**
     * Where {@code file} really is, or null when that is outside the folder.
     *
     * @throws IOException when it does not exist or a link on the way leads nowhere
     */
    public Path inside(Path file) throws IOException {
        Path at = file.toRealPath();
        return at.startsWith(real) ? at : null;
    }

    /** Why a file that {@link #inside} found outside is not read: where it leads, for its message. */
    public String outside(Path file) {
        try {
            return "leads to " + file.toRealPath() + ", outside " + dir.getFileName() + "/: only files inside it are read";
        } catch (IOException e) {
            return "leads outside " + dir.getFileName() + "/: only files inside it are read";
        }
    }

    /**
     * The text of {@code file} (UTF-8, without byte order marks), or null with the fault recorded in
     * {@code problems} when the file leads outside the folder, cannot be read or is not UTF-8.
     */
    public String readText(Path file, Problems problems) {
        try {
            Path at = inside(file);
            if (at == null) {
                problems.error(file, 0, outside(file));
                return null;
            }
            return Utf8Text.decode(file, Files.readAllBytes(at), problems);
        } catch (IOException e) {
            problems.error(file, 0, "cannot read: " + e.getMessage());
            return null;
        }
    }
}
