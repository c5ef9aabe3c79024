package org.simnotes.sitegen.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides, before anything is written, whether a path may receive a build's output, and where that
 * really is. A site folder is replaced whole, so it may never be a source folder (content, templates,
 * math cache), hold one or lie inside one, nor be the current folder, the home folder or a filesystem
 * root, nor hold either of the first two; an existing folder is replaced only when empty or marked as
 * written by SimNotes, unless forced. Paths are compared as they really are, symbolic links and
 * {@code ..} resolved, so no spelling of a path gets past the check.
 */
public final class OutputGuard {
    /** The file every site folder holds, so that a later build knows the folder is its own to replace. */
    public static final String MARKER = ".simnotes-site";

    private final Map<String, Path> sources;
    private final boolean force;

    /**
     * {@code sources} names each folder a build reads or keeps (such as "content folder") with its
     * path, null when there is none; {@code force} lets a build replace a folder SimNotes did not write.
     */
    public OutputGuard(Map<String, Path> sources, boolean force) {
        this.sources = new LinkedHashMap<>(sources);
        this.force = force;
    }

    /** Where the site folder for {@code output} really is, once the path is found safe to replace. */
    public Path siteFolder(Path output) throws IOException {
        Path real = real(output, "output folder");
        if (real.getParent() == null) {
            throw refused(output, "the output folder is a filesystem root");
        }
        String what = "the output folder";
        refuseHolding(output, real, real(Path.of(""), "current folder"), what, "the current folder");
        refuseHolding(output, real, real(Path.of(System.getProperty("user.home")), "home folder"), what, "your home folder");
        refuseSources(output, real, what);
        if (Files.exists(real)) {
            if (!Files.isDirectory(real)) {
                throw refused(output, "the output path is a file, not a folder");
            }
            if (!force && !Files.isRegularFile(real.resolve(MARKER)) && !isEmpty(real)) {
                throw refused(output, "the output folder holds files SimNotes did not write (it has no " + MARKER
                        + " file); empty it, choose another folder, or pass --force to replace it");
            }
        }
        return real;
    }

    /** Where the zip for {@code zip} really is, once the path is found safe to replace. */
    public Path zipFile(Path zip) throws IOException {
        Path real = real(zip, "zip");
        if (Files.isDirectory(real)) {
            throw refused(zip, "the zip path is a folder; name the zip file, such as " + zip.resolve("simnotes-site.zip"));
        }
        refuseSources(zip, real, "the zip");
        if (Files.exists(real)) {
            if (!Files.isRegularFile(real)) {
                throw refused(zip, "the zip path is not a regular file");
            }
            if (!force && !isZip(real)) {
                throw refused(zip, "the file is not a zip; choose another name, or pass --force to replace it");
            }
        }
        return real;
    }

    /** Refuses a math cache path that is a file, before a build writes anything. */
    public static void cacheFolder(Path cache) throws IOException {
        if (cache != null && Files.exists(cache) && !Files.isDirectory(cache)) {
            throw refused(cache, "the math cache is a file; it must be a folder");
        }
    }

    private void refuseSources(Path given, Path real, String what) throws IOException {
        for (Map.Entry<String, Path> source : sources.entrySet()) {
            if (source.getValue() == null) {
                continue;
            }
            Path s = real(source.getValue(), source.getKey());
            String named = "the " + source.getKey() + " (" + source.getValue() + ")";
            refuseHolding(given, real, s, what, named);
            if (real.startsWith(s)) {
                throw refused(given, what + " is inside " + named + "; choose another path");
            }
        }
    }

    /** Refuses an output that is {@code kept} or holds it, as replacing the output would delete it. */
    private static void refuseHolding(Path given, Path real, Path kept, String what, String named) throws IOException {
        if (kept.equals(real)) {
            throw refused(given, what + " is " + named + "; choose another path");
        }
        if (kept.startsWith(real)) {
            throw refused(given, what + " holds " + named + "; choose another path");
        }
    }

    /**
     * {@code path} as the file system will resolve it: the real path of its longest existing part
     * (links followed), then the names that do not exist yet. That part must be a folder when names
     * follow it, and a link must lead somewhere.
     */
    static Path real(Path path, String what) throws IOException {
        Path existing = path.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (NoSuchFileException e) {
            throw refused(path, "the " + what + " path leads through a symbolic link to nothing (" + existing + ")");
        }
        if (!missing.isEmpty() && !Files.isDirectory(real)) {
            throw refused(path, existing + " is a file, not a folder");
        }
        while (!missing.isEmpty()) {
            real = real.resolve(missing.pop());
        }
        return real.normalize();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    /** An empty file or one that starts as every zip does, so another kind of file is never lost. */
    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 0 || (head.length == 2 && head[0] == 'P' && head[1] == 'K');
        }
    }

    private static IOException refused(Path path, String why) {
        return new IOException(path + ": " + why);
    }
}
