package org.simnotes.sitegen.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.digest.ValueDigest;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.markdown.MarkdownRenderer;
import org.simnotes.sitegen.markdown.MarkdownSource;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.math.MathRenderer;
import org.simnotes.sitegen.sims.CourseSims;

/**
 * The bodies stage: each topic's markdown to HTML. A body is kept for the next run under its key,
 * which is exactly what the renderer is given: the {@link MarkdownSource} and each topic file's page
 * (links between topics), and the widgets' key. A formula renders to the same HTML whichever renderer answers it, as one
 * KaTeX version is on the class path. A body with faults is not kept, so they are reported again.
 *
 * <p>Bodies are kept in memory for the next update, and in the cache folder ({@link BodyCache}) under a
 * digest of the same key and the generator's build, for the next process.
 */
final class BodyStage {
    private final BodyCache disk;
    private final String generator;
    private Map<String, String> pagesByFile = Map.of();
    private String simsKey = "";
    private Map<MarkdownSource, RenderedTopic> kept = Map.of();
    private Set<String> diskKeys = Set.of();
    private int rendered;
    /** Kept bodies rendered again since the last {@link #render} began, as their files changed before their text was read. */
    private final AtomicInteger renderedAgain = new AtomicInteger();
    private List<String> identities = List.of();

    /** Bodies are kept on disk under {@code cacheDir} (none when null), for the generator build {@code generator}. */
    BodyStage(Path cacheDir, String generator) {
        this.disk = new BodyCache(cacheDir);
        this.generator = generator;
    }

    /**
     * The topics' bodies, in their order; faults go to {@code problems}. A body kept in the cache folder is read from
     * there when its text is asked for; with {@code hold} (the dev server) it holds its bytes and its text once made.
     */
    List<RenderedTopic> render(List<Topic> topics, MathRenderer math, CourseSims sims, Problems problems, Progress progress,
                               boolean hold) throws IOException {
        Map<String, String> pages = topics.stream()
                .collect(Collectors.toUnmodifiableMap(t -> t.file().getFileName().toString(), Topic::fileName));
        Map<MarkdownSource, RenderedTopic> last = pages.equals(pagesByFile) && sims.key().equals(simsKey) ? kept : Map.of();
        renderedAgain.set(0);
        Lazy<MarkdownRenderer> markdown = new Lazy<>(() -> new MarkdownRenderer(math, pages, sims.widgets()));
        String shared = ValueDigest.of(generator, sims.key(), pages);
        Map<MarkdownSource, RenderedTopic> now = new ConcurrentHashMap<>();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger renders = new AtomicInteger();
        List<RenderedTopic> bodies;
        try {
            // Every body is written first and finished after, so KaTeX renders new formulas while the other bodies are written.
            Body[] all = topics.parallelStream()
                    .map(t -> {
                        MarkdownSource source = MarkdownSource.of(t);
                        RenderedTopic body = last.get(source);
                        String key = null;
                        String identity = null;
                        if (body == null) {
                            // By file name, not path: a body does not depend on where the course is (a body with
                            // faults, whose messages name the path, is not kept).
                            key = ValueDigest.of(shared, source.file().getFileName().toString(), source.firstLine(), source.text());
                            BodyCache.Kept kept = disk.get(key, math, hold, again(markdown, source, true));
                            if (kept != null) {
                                body = kept.body();
                                identity = kept.identity();
                            }
                        }
                        if (body != null) {
                            now.put(source, body);
                            if (key != null) {
                                keys.add(key);
                            }
                            progress.step(done.incrementAndGet(), topics.size());
                            return new Body(source, key, body, identity, null, null);
                        }
                        Problems own = new Problems();
                        renders.incrementAndGet();
                        return new Body(source, key, null, null, markdown.get().write(source, own), own);
                    })
                    .toArray(Body[]::new);
            // Each finished body takes its written one's place, so the build never holds both.
            IntStream.range(0, all.length).parallel().forEach(i -> {
                Body b = all[i];
                if (b.done() != null) {
                    return;
                }
                RenderedTopic body = b.written().finish();
                problems.addAll(b.problems());
                String identity = null;
                if (b.problems().isEmpty()) {
                    // Of the written body, only its source is held: its fragments are as large as the body.
                    MarkdownSource source = b.source();
                    BodyCache.Kept kept = put(b.key(), body, hold, again(markdown, source, false));
                    if (kept != null) {
                        body = kept.body();
                        identity = kept.identity();
                    }
                    now.put(b.source(), body);
                    keys.add(b.key());
                }
                progress.step(done.incrementAndGet(), topics.size());
                all[i] = new Body(b.source(), b.key(), body, identity, null, null);
            });
            bodies = Arrays.stream(all).map(Body::done).toList();
            identities = Arrays.stream(all).map(Body::identity).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        math.saveCache();
        pagesByFile = pages;
        simsKey = sims.key();
        kept = now;
        diskKeys = keys;
        rendered = renders.get();
        return bodies;
    }

    /**
     * A topic's body kept or finished ({@code done}, with its identity in the cache folder when it has one), or
     * written and waiting for its formulas, with its faults.
     */
    private record Body(MarkdownSource source, String key, RenderedTopic done, String identity, MarkdownRenderer.Written written,
                        Problems problems) {
    }

    private BodyCache.Kept put(String key, RenderedTopic body, boolean hold, Supplier<RenderedTopic> again) {
        try {
            return disk.put(key, body, hold, again);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each body of the last {@link #render} as the cache folder keeps it (see {@link BodyCache.Kept}), in
     * the topics' order; null for a body the cache folder does not hold. Cheaper to compare than the body.
     */
    List<String> identities() {
        return identities;
    }

    /** How many bodies the last {@link #render} rendered (the others were kept), and rendered again since. */
    int rendered() {
        return rendered + renderedAgain.get();
    }

    /**
     * Renders {@code source} again, once, for a kept body whose file changed before its text was read; {@code counted}
     * when this build had not rendered it.
     */
    private Supplier<RenderedTopic> again(Lazy<MarkdownRenderer> markdown, MarkdownSource source, boolean counted) {
        Lazy<RenderedTopic> body = new Lazy<>(() -> {
            if (counted) {
                renderedAgain.incrementAndGet();
            }
            return markdown.get().render(source, new Problems());
        });
        return body::get;
    }

    /**
     * Removes from the cache folder the bodies the last {@link #render} did not use, once it rendered
     * some: what an edit left behind. (After an {@link #render} that took bodies from memory, it does not
     * know all their keys, so the dev server does not call this.)
     */
    void pruneDisk() throws IOException {
        if (rendered > 0) {
            disk.keepOnly(diskKeys);
        }
    }
}
