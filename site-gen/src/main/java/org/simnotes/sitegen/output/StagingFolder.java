package org.simnotes.sitegen.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A fresh hidden folder beside a target (same file system, so it can be renamed into place) that the
 * site's files are written into before anything replaces the target; it is deleted on close.
 */
final class StagingFolder implements AutoCloseable {
    private final Path dir;

    StagingFolder(Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        dir = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
    }

    Path dir() {
        return dir;
    }

    void write(OutputFile f) throws IOException {
        Path p = resolve(dir, f.path());
        Files.createDirectories(p.getParent());
        Files.write(p, f.bytes());
    }

    /** {@code path} inside {@code root}, refused if it would lead out of it. */
    static Path resolve(Path root, String path) throws IOException {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IOException("output path escapes the site folder: " + path);
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        deleteTree(dir);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
