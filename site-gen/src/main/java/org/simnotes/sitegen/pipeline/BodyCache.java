package org.simnotes.sitegen.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.simnotes.sitegen.digest.Fingerprint;
import org.simnotes.sitegen.markdown.LinkUse;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.markdown.TocEntry;
import org.simnotes.sitegen.markdown.TopicSection;
import org.simnotes.sitegen.math.MathRenderer;

/**
 * Rendered bodies kept in the cache folder, one file each, so a build in a new process renders only the
 * topics whose markdown, or anything else the renderer reads, changed. A body is named by the digest of
 * all that ({@link BodyStage} makes it), and used only while the formula cache still gives each of its
 * formulas the HTML the body shows: a body keeps its formulas by their cache keys and the fingerprints of
 * their HTML, and takes the HTML from the formula cache.
 */
final class BodyCache {
    private final Path dir;
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    /** The cache under {@code cacheDir}; null keeps nothing on disk. */
    BodyCache(Path cacheDir) {
        this.dir = cacheDir == null ? null : cacheDir.resolve("bodies");
    }

    /**
     * A body as kept: the body and the {@link Fingerprint} of all of it as stored, which tells it from any
     * other body kept under the same key (one rendered again because a formula's entry changed).
     */
    record Kept(RenderedTopic body, String identity) {
    }

    /**
     * The body kept under {@code key}, or null when there is none that can be trusted. With {@code hold} (the dev
     * server) the body holds the bytes kept and its text once made ({@link RenderedTopic#kept}); without, it reads
     * them from the file again each time its text is asked for, so a build holds no body's text to its end.
     * {@code again} renders the body anew, for when that file is no longer the one read (another build sharing
     * the cache folder removed it).
     */
    Kept get(String key, MathRenderer math, boolean hold, Supplier<RenderedTopic> again) {
        if (dir == null) {
            return null;
        }
        byte[] payload = CacheFile.payload(dir.resolve(key), key);
        return payload == null ? null : kept(key, payload, math, hold, again);
    }

    /**
     * Keeps {@code body} under {@code key}; returns it as {@link #get} will give it, or null when nothing is kept.
     */
    Kept put(String key, RenderedTopic body, MathRenderer math, boolean hold, Supplier<RenderedTopic> again) throws IOException {
        if (dir == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.html().length() * 2);
        write(new DataOutputStream(bytes), body);
        byte[] payload = bytes.toByteArray();
        CacheFile.write(dir.resolve(key), key, payload);
        return kept(key, payload, math, hold, again);
    }

    private Kept kept(String key, byte[] payload, MathRenderer math, boolean hold, Supplier<RenderedTopic> again) {
        try {
            String identity = Fingerprint.of(payload);
            Supplier<byte[]> bytes = hold ? () -> payload : () -> reread(key, identity);
            RenderedTopic body = read(payload, bytes, math, hold, again);
            return body == null ? null : new Kept(body, identity);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The payload kept under {@code key} if it is still the one with {@code identity}, else null. */
    private byte[] reread(String key, String identity) {
        byte[] payload = CacheFile.payload(dir.resolve(key), key);
        return payload != null && Fingerprint.of(payload).equals(identity) ? payload : null;
    }

    /**
     * The fingerprint of a formula's HTML, found once for each HTML the formula cache gives: bodies keep
     * their formulas by it, and share the cache's HTML once read.
     */
    private String fingerprint(String formula) {
        return fingerprints.computeIfAbsent(formula, f -> Fingerprint.of(f.getBytes(StandardCharsets.UTF_8)));
    }

    /** Removes the bodies not named in {@code used}: what no longer matches any topic. */
    void keepOnly(Set<String> used) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.list(dir)) {
            for (Path p : all.toList()) {
                if (!used.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void write(DataOutputStream out, RenderedTopic b) throws IOException {
        CacheFile.writeText(out, b.html());
        out.writeInt(b.toc().size());
        for (TocEntry e : b.toc()) {
            out.writeInt(e.level());
            CacheFile.writeText(out, e.id());
            CacheFile.writeText(out, e.text());
        }
        out.writeBoolean(b.hasSims());
        out.writeInt(b.answers());
        out.writeInt(b.links().size());
        for (LinkUse l : b.links()) {
            CacheFile.writeText(out, l.url());
            out.writeBoolean(l.image());
            out.writeInt(l.line());
        }
        CacheFile.writeTexts(out, List.copyOf(b.anchors()));
        out.writeInt(b.sections().size());
        for (TopicSection s : b.sections()) {
            CacheFile.writeText(out, s.id());
            CacheFile.writeText(out, s.heading());
            CacheFile.writeText(out, s.text());
        }
        CacheFile.writeTexts(out, b.formulaKeys());
        List<String> formulas = new ArrayList<>(b.formulas().size());
        for (String html : b.formulas()) {
            formulas.add(fingerprint(html));
        }
        CacheFile.writeTexts(out, formulas);
        out.flush();
    }

    /**
     * The body in {@code payload}, with its formulas' HTML from the formula cache; null when an entry is gone
     * or no longer what the body was rendered with (the body then shows other HTML for it). Its HTML and
     * sections are decoded when asked for, from what {@code bytes} gives (the same payload, or null: then
     * {@code again} makes them).
     */
    private RenderedTopic read(byte[] payload, Supplier<byte[]> bytes, MathRenderer math, boolean hold,
                               Supplier<RenderedTopic> again) throws IOException {
        ByteArrayInputStream stream = new ByteArrayInputStream(payload);
        DataInputStream in = new DataInputStream(stream);
        int htmlLength = in.readInt();
        int htmlAt = payload.length - stream.available();
        in.skipNBytes(htmlLength);
        List<TocEntry> toc = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            toc.add(new TocEntry(in.readInt(), CacheFile.readText(in), CacheFile.readText(in)));
        }
        boolean hasSims = in.readBoolean();
        int answers = in.readInt();
        List<LinkUse> links = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            links.add(new LinkUse(CacheFile.readText(in), in.readBoolean(), in.readInt()));
        }
        Set<String> anchors = Set.copyOf(CacheFile.readTexts(in));
        int sectionsAt = payload.length - stream.available();
        for (int i = in.readInt() * 3; i > 0; i--) {
            in.skipNBytes(in.readInt());
        }
        int sectionsEnd = payload.length - stream.available();
        List<String> formulaKeys = CacheFile.readTexts(in);
        List<String> fingerprints = CacheFile.readTexts(in);
        if (fingerprints.size() != formulaKeys.size() || in.read() != -1 || htmlAt + htmlLength > payload.length) {
            throw new IOException("not a body");
        }
        List<String> formulas = new ArrayList<>(formulaKeys.size());
        for (int i = 0; i < formulaKeys.size(); i++) {
            String formula = math.cached(formulaKeys.get(i));
            if (formula == null || !fingerprint(formula).equals(fingerprints.get(i))) {
                return null;
            }
            formulas.add(formula);
        }
        Supplier<String> html = () -> {
            byte[] p = bytes.get();
            return p == null ? again.get().html() : new String(p, htmlAt, htmlLength, StandardCharsets.UTF_8);
        };
        Supplier<List<TopicSection>> sections = () -> {
            byte[] p = bytes.get();
            return p == null ? again.get().sections() : sections(p, sectionsAt, sectionsEnd);
        };
        return RenderedTopic.kept(html, List.copyOf(toc), hasSims, answers, List.copyOf(links), anchors, sections, List.copyOf(formulas),
                formulaKeys, hold);
    }

    /** The sections of a body, kept in {@code payload} from {@code from} to {@code to} (whole: the payload's checksum held). */
    private static List<TopicSection> sections(byte[] payload, int from, int to) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload, from, to - from));
            List<TopicSection> sections = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                sections.add(new TopicSection(CacheFile.readText(in), CacheFile.readText(in), CacheFile.readText(in)));
            }
            return List.copyOf(sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
