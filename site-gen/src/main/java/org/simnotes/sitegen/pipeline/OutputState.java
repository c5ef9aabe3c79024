package org.simnotes.sitegen.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.simnotes.sitegen.digest.ValueDigest;
import org.simnotes.sitegen.fault.Problem;
import org.simnotes.sitegen.output.OutputGuard;

/**
 * What a build wrote into its output folder, kept in the cache folder for the next build of the same
 * output by the same generator: each file's fingerprint, size and modification time, and what it was made
 * from ({@code inputs}: a page's view, a search index part's documents, as digests; {@code shared}: what
 * every page shows); the digest of all the build read ({@code sources}: see {@link SiteBuilder}), and
 * what it reported. The next build keeps a file only while the folder still holds exactly these files,
 * each with its size and time, so a folder changed by anyone else is written whole again; and when its
 * sources have the same digest too, it has nothing to do but report the same.
 */
record OutputState(String shared, String sources, Report report, Map<String, Entry> files) {
    /** What the build reported: its pages, the search index's size, its warnings, and the course's own widgets. */
    record Report(int pages, int searchIndexBytes, List<Problem> warnings, int ownWidgets) {
    }

    /** One file as written: the fingerprint of its bytes, its size and time, and the digest of what it was made from ("" when none). */
    record Entry(String digest, long size, long modified, String input) {
    }

    /** The state file of the output folder {@code dir} (its real path) for generator build {@code generator}. */
    static Path file(Path cacheDir, Path dir, String generator) {
        return cacheDir.resolve("outputs").resolve(key(dir, generator));
    }

    private static String key(Path dir, String generator) {
        return ValueDigest.of(dir.toString(), generator);
    }

    /** The state of {@code dir} if one is kept and the folder still matches it, else null. */
    static OutputState load(Path cacheDir, Path dir, String generator) {
        if (cacheDir == null || !Files.isRegularFile(dir.resolve(OutputGuard.MARKER))) {
            return null;
        }
        DataInputStream in = CacheFile.read(file(cacheDir, dir, generator), key(dir, generator));
        if (in == null) {
            return null;
        }
        try {
            String shared = CacheFile.readText(in);
            String sources = CacheFile.readText(in);
            int pages = in.readInt();
            int searchIndexBytes = in.readInt();
            int ownWidgets = in.readInt();
            List<Problem> warnings = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String file = CacheFile.readText(in);
                warnings.add(new Problem(file.isEmpty() ? null : Path.of(file), in.readInt(), CacheFile.readText(in)));
            }
            Report report = new Report(pages, searchIndexBytes, List.copyOf(warnings), ownWidgets);
            Map<String, Entry> files = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                files.put(CacheFile.readText(in), new Entry(CacheFile.readText(in), in.readLong(), in.readLong(), CacheFile.readText(in)));
            }
            OutputState state = new OutputState(shared, sources, report, Map.copyOf(files));
            return state.matches(dir) ? state : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code dir} holds these files and no other (besides the marker), each of its size and time. */
    private boolean matches(Path dir) throws IOException {
        int[] seen = {0};
        boolean[] same = {true};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                String path = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (path.equals(OutputGuard.MARKER)) {
                    return FileVisitResult.CONTINUE;
                }
                Entry e = files.get(path);
                if (e == null || !attrs.isRegularFile() || e.size() != attrs.size() || e.modified() != attrs.lastModifiedTime().toMillis()) {
                    same[0] = false;
                    return FileVisitResult.TERMINATE;
                }
                seen[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return same[0] && seen[0] == files.size();
    }

    /** Each file's fingerprint, as the output folder holds them. */
    Map<String, String> digests() {
        Map<String, String> d = new HashMap<>();
        files.forEach((path, e) -> d.put(path, e.digest()));
        return d;
    }

    /** Each file's input digest, for those made from one. */
    Map<String, String> inputs() {
        Map<String, String> d = new HashMap<>();
        files.forEach((path, e) -> {
            if (!e.input().isEmpty()) {
                d.put(path, e.input());
            }
        });
        return d;
    }

    /**
     * The state of {@code dir} now that it holds {@code digests} (fingerprints), made from {@code sources}
     * and reported as {@code report}: a file this state already had with the same fingerprint keeps its
     * entry (it was not written), any other is looked at again.
     */
    static OutputState after(OutputState before, Path dir, String shared, String sources, Report report, Map<String, String> digests,
                             Map<String, String> inputs) throws IOException {
        Map<String, Entry> files = new HashMap<>();
        for (Map.Entry<String, String> f : digests.entrySet()) {
            Entry old = before == null ? null : before.files().get(f.getKey());
            String input = inputs.getOrDefault(f.getKey(), "");
            if (old == null || !old.digest().equals(f.getValue())) {
                BasicFileAttributes attrs = Files.readAttributes(dir.resolve(f.getKey()), BasicFileAttributes.class);
                old = new Entry(f.getValue(), attrs.size(), attrs.lastModifiedTime().toMillis(), input);
            }
            files.put(f.getKey(), new Entry(old.digest(), old.size(), old.modified(), input));
        }
        return new OutputState(shared, sources, report, Map.copyOf(files));
    }

    void save(Path cacheDir, Path dir, String generator) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        CacheFile.writeText(out, shared);
        CacheFile.writeText(out, sources);
        out.writeInt(report.pages());
        out.writeInt(report.searchIndexBytes());
        out.writeInt(report.ownWidgets());
        out.writeInt(report.warnings().size());
        for (Problem w : report.warnings()) {
            CacheFile.writeText(out, w.file() == null ? "" : w.file().toString());
            out.writeInt(w.line());
            CacheFile.writeText(out, w.message());
        }
        out.writeInt(files.size());
        for (Map.Entry<String, Entry> f : new TreeMap<>(files).entrySet()) {
            CacheFile.writeText(out, f.getKey());
            CacheFile.writeText(out, f.getValue().digest());
            out.writeLong(f.getValue().size());
            out.writeLong(f.getValue().modified());
            CacheFile.writeText(out, f.getValue().input());
        }
        out.flush();
        CacheFile.write(file(cacheDir, dir, generator), key(dir, generator), bytes);
    }

    /** Forgets the state of {@code dir}, before the folder is changed in place: a build that stops half-way leaves none. */
    static void forget(Path cacheDir, Path dir, String generator) throws IOException {
        Files.deleteIfExists(file(cacheDir, dir, generator));
    }
}
