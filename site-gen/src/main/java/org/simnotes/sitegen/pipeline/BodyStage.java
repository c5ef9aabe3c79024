package org.simnotes.sitegen.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.simnotes.sitegen.content.Topic;
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
 */
final class BodyStage {
    private Map<String, String> pagesByFile = Map.of();
    private String simsKey = "";
    private Map<MarkdownSource, RenderedTopic> kept = Map.of();

    /** The topics' bodies, in their order; faults go to {@code problems}. */
    List<RenderedTopic> render(List<Topic> topics, MathRenderer math, CourseSims sims, Problems problems, Progress progress)
            throws IOException {
        Map<String, String> pages = topics.stream()
                .collect(Collectors.toUnmodifiableMap(t -> t.file().getFileName().toString(), Topic::fileName));
        Map<MarkdownSource, RenderedTopic> last = pages.equals(pagesByFile) && sims.key().equals(simsKey) ? kept : Map.of();
        MarkdownRenderer markdown = new MarkdownRenderer(math, pages, sims.widgets());
        Map<MarkdownSource, RenderedTopic> now = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        List<RenderedTopic> bodies = topics.parallelStream()
                .map(t -> {
                    MarkdownSource source = MarkdownSource.of(t);
                    RenderedTopic body = last.get(source);
                    if (body == null) {
                        Problems own = new Problems();
                        body = markdown.render(source, own);
                        problems.addAll(own);
                        if (own.isEmpty()) {
                            now.put(source, body);
                        }
                    } else {
                        now.put(source, body);
                    }
                    progress.step(done.incrementAndGet(), topics.size());
                    return body;
                })
                .toList();
        math.saveCache();
        pagesByFile = pages;
        simsKey = sims.key();
        kept = now;
        return bodies;
    }
}
