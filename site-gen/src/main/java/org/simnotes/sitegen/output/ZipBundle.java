package org.simnotes.sitegen.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The site as one zip to read offline, with every file under a top folder, so unpacking it makes one
 * folder with index.html inside. Files only a web host reads are left out. The same files give the
 * same bytes: entries sorted by name, one fixed time (a DOS time, which has no zone), no extra fields.
 * Files are staged on disk as they come and zipped on {@link #commit}, which renames the zip over the
 * target when complete, so a failure leaves the previous zip as it was.
 */
public final class ZipBundle implements SiteOutput, AutoCloseable {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final Path zip;
    private final String top;
    private final StagingFolder staging;
    private final AtomicInteger pages = new AtomicInteger();

    /**
     * A bundle to be written to {@code zip} once {@code guard} finds the path safe (through a link, to
     * the file it leads to), unpacking to a folder named as the zip without {@code .zip}.
     */
    public ZipBundle(Path zip, OutputGuard guard) throws IOException {
        this.zip = guard.zipFile(zip);
        String name = zip.toAbsolutePath().normalize().getFileName().toString();
        this.top = name.toLowerCase(Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        this.staging = new StagingFolder(this.zip);
    }

    @Override
    public void add(OutputFile file) throws IOException {
        if (!file.hostOnly()) {
            staging.write(file);
            if (file.path().endsWith(".html")) {
                pages.incrementAndGet();
            }
        }
    }

    /** How many pages the bundle holds. */
    public int pages() {
        return pages.get();
    }

    /** Writes the zip; returns its size in bytes. */
    public long commit() throws IOException {
        Map<String, Path> entries = new TreeMap<>();
        entries.put(top + "/", null);
        Path dir = staging.dir();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = top + "/" + dir.relativize(p).toString().replace('\\', '/');
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    entries.put(name.substring(0, slash + 1), null);
                }
                entries.put(name, p);
            }
        }
        // Made as any file is, not as a temporary one (0600), so the zip's permissions follow the umask.
        Path partial = StagingFolder.sibling(zip, "new");
        try {
            try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)))) {
                for (Map.Entry<String, Path> e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTimeLocal(FIXED_TIME);
                    out.putNextEntry(entry);
                    if (e.getValue() != null) {
                        Files.copy(e.getValue(), out);
                    }
                    out.closeEntry();
                }
            } catch (IOException e) {
                throw StagingFolder.located(partial, e);
            }
            if (Files.exists(zip)) {
                // A zip made readable to others stays readable.
                StagingFolder.copyPermissions(zip, partial);
            }
            Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return Files.size(zip);
    }

    @Override
    public void close() throws IOException {
        staging.close();
    }
}
