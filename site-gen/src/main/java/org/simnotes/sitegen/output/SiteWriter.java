package org.simnotes.sitegen.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Writes a site folder so that readers never see half of it: everything goes into a fresh folder
 * beside the target, which replaces the target by rename only once all of it is written. A failure
 * before that point leaves the previous site exactly as it was.
 */
public final class SiteWriter {

    private SiteWriter() {
    }

    public static void write(Path target, List<OutputFile> files) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".new-");
        try {
            for (OutputFile f : files) {
                Path p = staging.resolve(f.path()).normalize();
                if (!p.startsWith(staging)) {
                    throw new IOException("output path escapes the site folder: " + f.path());
                }
                Files.createDirectories(p.getParent());
                Files.write(p, f.bytes());
            }
            swap(staging, dir);
        } finally {
            deleteTree(staging);
        }
    }

    private static void swap(Path staging, Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".old-");
        Files.delete(old);
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
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
