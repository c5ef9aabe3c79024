package org.simnotes.sitegen.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a site as one zip with every file under a top folder, so unpacking it makes one folder with
 * index.html inside. The same files give the same bytes: entries sorted by name, one fixed time (a DOS
 * time, which has no zone), no extra fields. The zip is written beside the target and renamed over it
 * when complete, so a failure leaves the previous zip as it was.
 */
public final class ZipWriter {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ZipWriter() {
    }

    /** Writes {@code files} under {@code top/} into {@code zip}; returns the zip's size in bytes. */
    public static long write(Path zip, String top, List<OutputFile> files) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        entries.put(top + "/", null);
        for (OutputFile f : files) {
            if (f.path().isEmpty() || f.path().startsWith("/") || f.path().contains("\\")
                    || List.of(f.path().split("/")).contains("..")) {
                throw new IOException("output path escapes the site folder: " + f.path());
            }
            String name = top + "/" + f.path();
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                entries.put(name.substring(0, slash + 1), null);
            }
            entries.put(name, f.bytes());
        }
        Path target = zip.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".new");
        try {
            try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(staging)))) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTimeLocal(FIXED_TIME);
                    out.putNextEntry(entry);
                    if (e.getValue() != null) {
                        out.write(e.getValue());
                    }
                    out.closeEntry();
                }
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staging);
        }
        return Files.size(target);
    }
}
