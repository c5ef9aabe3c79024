package org.simnotes.sitegen.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Brings an existing site folder up to date in place, for the dev server: writes only files whose
     * bytes differ from {@code previous} (what the last call wrote) and removes files no longer built.
     * Returns what is now written, for the next call. A first call writes the folder whole.
     */
    public static Map<String, byte[]> sync(Path target, List<OutputFile> files, Map<String, byte[]> previous)
            throws IOException {
        Map<String, byte[]> now = new HashMap<>();
        for (OutputFile f : files) {
            now.put(f.path(), f.bytes());
        }
        Path dir = target.toAbsolutePath().normalize();
        if (previous.isEmpty() || !Files.isDirectory(dir)) {
            write(target, files);
            return now;
        }
        for (OutputFile f : files) {
            byte[] before = previous.get(f.path());
            if (before == f.bytes() || Arrays.equals(before, f.bytes())) {
                continue;
            }
            Path p = dir.resolve(f.path()).normalize();
            if (!p.startsWith(dir)) {
                throw new IOException("output path escapes the site folder: " + f.path());
            }
            Files.createDirectories(p.getParent());
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            Files.write(tmp, f.bytes());
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        for (String gone : previous.keySet()) {
            if (!now.containsKey(gone)) {
                Files.deleteIfExists(dir.resolve(gone).normalize());
            }
        }
        return now;
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
