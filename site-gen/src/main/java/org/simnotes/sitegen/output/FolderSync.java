package org.simnotes.sitegen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.simnotes.sitegen.digest.Sha256;

/**
 * Keeps a site folder up to date in place, for the dev server: each {@link Update} writes only the
 * files whose bytes changed since the last committed one and removes files no longer built. The first
 * update, or one after the folder went missing, writes the folder whole like {@link SiteFolder}.
 */
public final class FolderSync {
    private final Path dir;
    private final OutputGuard guard;
    /** Each file of the folder as last committed: path to a digest of its bytes. */
    private Map<String, String> written = new ConcurrentHashMap<>();

    /** The folder is checked by {@code guard} whenever it is written whole. */
    public FolderSync(Path target, OutputGuard guard) {
        this.dir = target.toAbsolutePath().normalize();
        this.guard = guard;
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
            String digest = Sha256.hex(file.bytes());
            now.put(file.path(), digest);
            if (whole != null) {
                whole.add(file);
            } else if (!digest.equals(written.get(file.path()))) {
                changed.put(file.path(), file.bytes());
            }
        }

        public void commit() throws IOException {
            if (whole != null) {
                whole.commit();
            } else {
                for (Map.Entry<String, byte[]> e : changed.entrySet()) {
                    replace(e.getKey(), e.getValue());
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
     * after the rest of its update (the dev server writes the search index after the pages).
     */
    public void write(OutputFile file) throws IOException {
        String digest = Sha256.hex(file.bytes());
        if (!digest.equals(written.get(file.path())) || !Files.isRegularFile(StagingFolder.resolve(dir, file.path()))) {
            replace(file.path(), file.bytes());
        }
        written.put(file.path(), digest);
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
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
