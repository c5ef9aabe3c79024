package org.simnotes.sitegen.pipeline;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A file of the build's own cache: a format tag, the key it was written under, a payload, and the
 * payload's CRC-32C. {@link #read} gives the payload only when all of it checks out, so a damaged file,
 * one of another version or one written under another key is ignored rather than trusted. (The key is a
 * SHA-256 digest of the inputs; the checksum only finds damage, and CRC-32C does that many times faster
 * than SHA-256 under the launcher's quick compiler, which has no SHA intrinsics.)
 */
final class CacheFile {
    private static final byte[] MAGIC = "SimNotes-cache-2\n".getBytes(StandardCharsets.US_ASCII);

    private CacheFile() {
    }

    /** The payload of {@code file} if it was written under {@code key} and is whole, else null. */
    static DataInputStream read(Path file, String key) {
        byte[] payload = payload(file, key);
        return payload == null ? null : new DataInputStream(new ByteArrayInputStream(payload));
    }

    /** The payload's bytes of {@code file} if it was written under {@code key} and is whole, else null. */
    static byte[] payload(Path file, String key) {
        try {
            byte[] all = Files.readAllBytes(file);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || !key.equals(in.readUTF())) {
                return null;
            }
            int length = in.readInt();
            byte[] payload = in.readNBytes(length);
            long sum = in.readLong();
            if (payload.length != length || in.read() != -1 || checksum(payload) != sum) {
                return null;
            }
            return payload;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The start of the payload of {@code file}, if it was written under {@code key}, as a stream the caller closes;
     * null otherwise. Nothing is checked against the checksum: what is read must carry its own.
     */
    static DataInputStream openPayload(Path file, String key) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
            try {
                if (Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) && key.equals(in.readUTF())) {
                    in.readInt();
                    return in;
                }
            } catch (IOException | RuntimeException e) {
                // Not a file of this cache: closed below.
            }
            in.close();
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes {@code payload} under {@code key}, replacing the file at once so no reader sees a part of it. */
    static void write(Path file, String key, ByteArrayOutputStream payload) throws IOException {
        write(file, key, payload.toByteArray());
    }

    static void write(Path file, String key, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 128);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeUTF(key);
        out.writeInt(payload.length);
        out.write(payload);
        out.writeLong(checksum(payload));
        out.flush();
        Files.createDirectories(file.getParent());
        // Its own name, as builds sharing a cache folder may write the same entry at once.
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The CRC-32C the cache files keep of a payload, and the body files of their outlines. */
    static long checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /** A string of any length (writeUTF stops at 64 KB). */
    static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("cut short");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    static void writeTexts(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeText(out, s);
        }
    }

    static List<String> readTexts(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            list.add(readText(in));
        }
        return List.copyOf(list);
    }
}
