package org.simnotes.sitegen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.simnotes.sitegen.digest.Fingerprint;

/**
 * Keeps a site folder up to date in place, for the dev server and for a build whose last output is
 * known: each {@link Update} writes only the files whose bytes changed since the last committed one and
 * removes files no longer built. The first update (unless the folder's files are given), or one after
 * the folder went missing, writes the folder whole like {@link SiteFolder}.
 */
public final class FolderSync {
    private final Path dir;
    private final OutputGuard guard;
    /** Each file of the folder as last committed: path to the fingerprint of its bytes. */
    private Map<String, String> written = new ConcurrentHashMap<>();

    /** The folder is checked by {@code guard} whenever it is written whole. */
    public FolderSync(Path target, OutputGuard guard) {
        this(target, guard, Map.of());
    }

    /** A folder known to hold {@code files} (path to the fingerprint of its bytes), as a build wrote them. */
    public FolderSync(Path target, OutputGuard guard, Map<String, String> files) {
        this.dir = target.toAbsolutePath().normalize();
        this.guard = guard;
        this.written.putAll(files);
    }

    /** Each file of the folder as last committed: path to the fingerprint of its bytes. */
    public Map<String, String> files() {
        return Map.copyOf(written);
    }

    public Update begin() throws IOException {
        return new Update(written.isEmpty() || !Files.isDirectory(dir) ? new SiteFolder(dir, guard) : null);
    }

    /** One build's files. Nothing is written before {@link #commit}; closing without it changes nothing. */
    public final class Update implements SiteOutput, AutoCloseable {
        private final SiteFolder whole;
        /** Sized for the last update's files, as a rebuild makes as many again. */
        private final Map<String, String> now = new ConcurrentHashMap<>(Math.max(16, written.size()));
        private final Map<String, byte[]> changed = new ConcurrentHashMap<>();

        private Update(SiteFolder whole) {
            this.whole = whole;
        }

        @Override
        public boolean has(String path) {
            return whole == null && written.containsKey(path);
        }

        @Override
        public void keep(String path) {
            String digest = whole == null ? written.get(path) : null;
            if (digest == null) {
                throw new IllegalStateException("no file " + path + " to keep");
            }
            now.put(path, digest);
        }

        @Override
        public void add(OutputFile file) throws IOException {
            String digest = Fingerprint.of(file.bytes());
            now.put(file.path(), digest);
            if (whole != null) {
                whole.add(file);
            } else if (!digest.equals(written.get(file.path()))) {
                changed.put(file.path(), file.bytes());
            }
        }

        /** Whether the folder is written whole or in place. */
        public boolean whole() {
            return whole != null;
        }

        /** How many files {@link #commit} writes. */
        public int writes() {
            return whole != null ? now.size() : changed.size();
        }

        /** Whether {@link #commit} changes the folder at all. */
        public boolean changes() {
            return whole != null || !changed.isEmpty() || !now.keySet().containsAll(written.keySet());
        }

        public void commit() throws IOException {
            if (whole != null) {
                whole.commit();
            } else {
                // Every file is written beside its place before any replaces its old self, so a disk that fails
                // half-way leaves the folder as it was.
                List<Path> staged = new ArrayList<>();
                try {
                    for (Map.Entry<String, byte[]> e : changed.entrySet()) {
                        Path p = StagingFolder.resolve(dir, e.getKey());
                        Files.createDirectories(p.getParent());
                        staged.add(tmp(p));
                        Files.write(tmp(p), e.getValue());
                    }
                } catch (IOException e) {
                    for (Path t : staged) {
                        Files.deleteIfExists(t);
                    }
                    throw e;
                }
                for (String path : changed.keySet()) {
                    Path p = StagingFolder.resolve(dir, path);
                    Files.move(tmp(p), p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                for (String gone : written.keySet()) {
                    if (!now.containsKey(gone)) {
                        Files.deleteIfExists(StagingFolder.resolve(dir, gone));
                    }
                }
            }
            written = now;
        }

        @Override
        public void close() throws IOException {
            if (whole != null) {
                whole.close();
            }
        }
    }

    /**
     * Writes one file into the folder as last committed, if its bytes changed, for a file finished
     * after the rest of its update (the dev server writes the search index after the pages). Says whether it wrote.
     */
    public boolean write(OutputFile file) throws IOException {
        String digest = Fingerprint.of(file.bytes());
        boolean changed = !digest.equals(written.get(file.path())) || !Files.isRegularFile(StagingFolder.resolve(dir, file.path()));
        if (changed) {
            replace(file.path(), file.bytes());
        }
        written.put(file.path(), digest);
        return changed;
    }

    /** Removes one file from the folder as last committed, for a late file no longer built. */
    public void delete(String path) throws IOException {
        Files.deleteIfExists(StagingFolder.resolve(dir, path));
        written.remove(path);
    }

    /** Replaces one file so that a reader sees the old bytes or the new, never a part. */
    private void replace(String path, byte[] bytes) throws IOException {
        Path p = StagingFolder.resolve(dir, path);
        Files.createDirectories(p.getParent());
        Files.write(tmp(p), bytes);
        Files.move(tmp(p), p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Where the new bytes of {@code p} are written before they replace it. */
    private static Path tmp(Path p) {
        return p.resolveSibling(p.getFileName() + ".tmp");
    }

}
