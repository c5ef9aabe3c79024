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
 *
 * <p>A file holds the body's outline first (headings, links, anchors, formulas, and the fingerprint of the
 * rest), with its own checksum, then its HTML and sections: a rebuild reads the outline of every body it
 * keeps, and the rest only of the few it lays out or indexes again.
 */
final class BodyCache {
    private final Path dir;
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    /** The cache under {@code cacheDir}; null keeps nothing on disk. */
    BodyCache(Path cacheDir) {
        this.dir = cacheDir == null ? null : cacheDir.resolve("bodies");
    }

    /**
     * A body as kept: the body and the {@link Fingerprint} of its outline as stored, which (holding the
     * fingerprint of the rest) tells it from any other body kept under the same key (one rendered again
     * because a formula's entry changed).
     */
    record Kept(RenderedTopic body, String identity) {
    }

    /**
     * The body kept under {@code key}, or null when there is none that can be trusted. Its HTML and sections are
     * read from its file when asked for (with {@code hold}, the dev server's, held once read; see
     * {@link RenderedTopic#kept}), and should the file no longer be the one read (another build sharing the
     * cache folder removed or rewrote it), {@code again} renders the body anew.
     */
    Kept get(String key, MathRenderer math, boolean hold, Supplier<RenderedTopic> again) {
        if (dir == null) {
            return null;
        }
        try (DataInputStream in = CacheFile.openPayload(dir.resolve(key), key)) {
            if (in == null) {
                return null;
            }
            byte[] outline = outline(in);
            return outline == null ? null : kept(key, outline, math, hold, again);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Keeps {@code body} under {@code key}; returns it as {@link #get} gives it (with {@code hold}, {@code body} itself, which
     * holds its text), or null when nothing is kept.
     */
    Kept put(String key, RenderedTopic body, boolean hold, Supplier<RenderedTopic> again) throws IOException {
        if (dir == null) {
            return null;
        }
        ByteArrayOutputStream restBytes = new ByteArrayOutputStream(body.html().length() * 2);
        DataOutputStream rest = new DataOutputStream(restBytes);
        CacheFile.writeText(rest, body.html());
        writeSections(rest, body.sections());
        rest.flush();
        byte[] restPayload = restBytes.toByteArray();
        byte[] outline = outline(body, Fingerprint.of(restPayload));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(outline.length + restPayload.length + 16);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(outline.length);
        out.write(outline);
        out.writeLong(CacheFile.checksum(outline));
        out.write(restPayload);
        out.flush();
        CacheFile.write(dir.resolve(key), key, bytes);
        String identity = Fingerprint.of(outline);
        if (hold) {
            return new Kept(body, identity);
        }
        // The outline's parts are the body's own, not parsed back from the file just written; the HTML and
        // sections are read from it when asked for.
        return lazy(key, identity, false, again, List.copyOf(body.toc()), body.hasSims(), body.answers(), List.copyOf(body.links()),
                Set.copyOf(body.anchors()), List.copyOf(body.formulas()), List.copyOf(body.formulaKeys()));
    }

    /** The body whose outline is {@code outline}; null when its formulas' entries are gone or changed. */
    private Kept kept(String key, byte[] outline, MathRenderer math, boolean hold, Supplier<RenderedTopic> again) throws IOException {
        String identity = Fingerprint.of(outline);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(outline));
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
        List<String> formulaKeys = CacheFile.readTexts(in);
        List<String> fingerprints = CacheFile.readTexts(in);
        // The fingerprint of the rest: the identity carries it, and the whole file's checksum the rest itself.
        CacheFile.readText(in);
        if (fingerprints.size() != formulaKeys.size() || in.read() != -1) {
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
        return lazy(key, identity, hold, again, List.copyOf(toc), hasSims, answers, List.copyOf(links), anchors, List.copyOf(formulas),
                formulaKeys);
    }

    /**
     * The body kept under {@code key} with the outline {@code identity} and these parts, its HTML and sections read from its file
     * when asked for (held once read with {@code hold}), or rendered anew by {@code again} should the file no longer hold it.
     */
    private Kept lazy(String key, String identity, boolean hold, Supplier<RenderedTopic> again, List<TocEntry> toc, boolean hasSims,
                      int answers, List<LinkUse> links, Set<String> anchors, List<String> formulas, List<String> formulaKeys) {
        Supplier<DataInputStream> rest = () -> rest(key, identity);
        Supplier<String> html = () -> {
            DataInputStream r = rest.get();
            return r == null ? again.get().html() : text(r);
        };
        Supplier<List<TopicSection>> sections = () -> {
            DataInputStream r = rest.get();
            return r == null ? again.get().sections() : sections(r);
        };
        return new Kept(RenderedTopic.kept(html, toc, hasSims, answers, links, anchors, sections, formulas, formulaKeys, hold), identity);
    }

    /**
     * The HTML and sections kept under {@code key}, read whole and checked, if the file still holds the body whose
     * outline has the fingerprint {@code identity} (which holds the fingerprint of the rest); else null.
     */
    private DataInputStream rest(String key, String identity) {
        byte[] payload = CacheFile.payload(dir.resolve(key), key);
        if (payload == null) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        try {
            byte[] outline = outline(in);
            return outline != null && Fingerprint.of(outline).equals(identity) ? in : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The outline at the start of a body file's payload, {@code in}, if its checksum holds; else null. */
    private static byte[] outline(DataInputStream in) throws IOException {
        byte[] outline = in.readNBytes(in.readInt());
        return in.readLong() == CacheFile.checksum(outline) ? outline : null;
    }

    private static String text(DataInputStream rest) {
        try {
            return CacheFile.readText(rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sections after the HTML in {@code rest} (whole: its fingerprint held). */
    private static List<TopicSection> sections(DataInputStream rest) {
        try {
            rest.skipNBytes(rest.readInt());
            List<TopicSection> sections = new ArrayList<>();
            for (int i = rest.readInt(); i > 0; i--) {
                sections.add(new TopicSection(CacheFile.readText(rest), CacheFile.readText(rest), CacheFile.readText(rest)));
            }
            return List.copyOf(sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The outline of {@code b}, with {@code restFingerprint}, the fingerprint of its HTML and sections as kept. */
    private byte[] outline(RenderedTopic b, String restFingerprint) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
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
        CacheFile.writeTexts(out, b.formulaKeys());
        List<String> formulas = new ArrayList<>(b.formulas().size());
        for (String html : b.formulas()) {
            formulas.add(fingerprint(html));
        }
        CacheFile.writeTexts(out, formulas);
        CacheFile.writeText(out, restFingerprint);
        out.flush();
        return bytes.toByteArray();
    }

    private static void writeSections(DataOutputStream out, List<TopicSection> sections) throws IOException {
        out.writeInt(sections.size());
        for (TopicSection s : sections) {
            CacheFile.writeText(out, s.id());
            CacheFile.writeText(out, s.heading());
            CacheFile.writeText(out, s.text());
        }
    }
}
