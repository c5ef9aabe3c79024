package org.simnotes.sitegen.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A fresh hidden folder beside a target (same file system, so it can be renamed into place) that the
 * site's files are written into before anything replaces the target; it is deleted on close. Those
 * that a killed build left beside the same target are deleted before it is made.
 */
final class StagingFolder implements AutoCloseable {
    private final Path dir;

    /** {@code target} is a real path, checked by {@link OutputGuard}. */
    StagingFolder(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        removeLeftovers(target);
        // Made as any folder is, not as a temporary one (0700), so the site's permissions follow the umask.
        dir = Files.createDirectory(sibling(target, "new"));
    }

    Path dir() {
        return dir;
    }

    void write(OutputFile f) throws IOException {
        Path p = resolve(dir, f.path());
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, f.bytes());
        } catch (IOException e) {
            throw located(p, e);
        }
    }

    /** A fault that names {@code path}: the JDK reports some, such as a full disk, without one. */
    static IOException located(Path path, IOException e) {
        if (e instanceof FileSystemException) {
            return e;
        }
        FileSystemException named = new FileSystemException(path.toString(), null, e.getMessage());
        named.initCause(e);
        return named;
    }

    /** {@code path} inside {@code root}, refused if it would lead out of it. */
    static Path resolve(Path root, String path) throws IOException {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IOException("output path escapes the site folder: " + path);
        }
        return p;
    }

    /** A hidden name beside {@code target} for a build's own use: {@code .NAME.KIND-NUMBER}. */
    static Path sibling(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
    }

    /** Gives {@code to} the permissions {@code from} has, where the file system has POSIX permissions. */
    static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.getPosixFilePermissions(from));
        }
    }

    /**
     * Deletes the staging folders, old sites and partial zips a killed build left beside {@code target}:
     * {@link #sibling} names, and {@code .NAME.NUMBER.new} for partial zips of earlier versions.
     */
    private static void removeLeftovers(Path target) throws IOException {
        Pattern leftover = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.((new|old)-\\d+|\\d+\\.new)");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target.getParent(),
                p -> leftover.matcher(p.getFileName().toString()).matches())) {
            for (Path p : entries) {
                deleteTree(p);
            }
        }
    }

    @Override
    public void close() throws IOException {
        deleteTree(dir);
    }

    /** Deletes {@code root} and all it holds; links inside are deleted, never followed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
