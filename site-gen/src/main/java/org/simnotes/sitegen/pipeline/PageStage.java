package org.simnotes.sitegen.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.simnotes.sitegen.content.SiteConfig;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.digest.FolderDigest;
import org.simnotes.sitegen.digest.ValueDigest;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.output.OutputFile;
import org.simnotes.sitegen.output.SiteOutput;
import org.simnotes.sitegen.render.CategoryView;
import org.simnotes.sitegen.render.Page;
import org.simnotes.sitegen.render.PageRenderer;
import org.simnotes.sitegen.render.TemplateError;
import org.simnotes.sitegen.render.Templates;
import org.simnotes.sitegen.render.TopicLink;
import org.simnotes.sitegen.render.TopicView;

/**
 * The pages stage: the home, search, 404 and topic pages, laid out with the templates into an output
 * as they are made. A page is laid out again unless the output still has the file its last layout
 * wrote and what it is laid out from is equal: the {@link Shared} parts every page shows and, for a
 * topic page, its {@link TopicView}.
 */
final class PageStage {
    /** The site pages besides the topics'; none shows a topic, so each depends on the shared parts alone. */
    private static final List<String> SITE_PAGES = List.of("index.html", "search.html", "404.html");

    /**
     * What every page shows besides its own topic: the site settings, the navigation, the assets' names,
     * and the templates (their folder and a digest of its content), which is all a {@link PageRenderer}
     * is made of.
     */
    record Shared(SiteConfig site, List<CategoryView> categories, Map<String, String> assetNames, Path templatesDir,
                  String templatesDigest) {
    }

    /**
     * What the pages of one output were laid out from, as {@link Keys} give it: the shared parts and each
     * topic page's view by its file; and how many pages this layout laid out. The dev server keeps it for
     * the folder it serves, a build in the cache folder for its output.
     */
    record LaidOut(Object shared, Map<String, Object> topics, int laidOut) {
        static final LaidOut NOTHING = new LaidOut(null, Map.of(), 0);
    }

    /** How what a page is laid out from is remembered: as it is, or (to keep on disk) as its digest. */
    enum Keys {
        VALUES, DIGESTS;

        Object of(Record inputs) {
            return this == VALUES ? inputs : ValueDigest.of(inputs);
        }

        /**
         * A topic page's view ({@code view} gives it); as a digest, its body taken by {@code body}'s identity in the
         * cache folder when it has one, with the rest of the view ({@code outline}, no HTML), so the body's HTML is
         * not read.
         */
        Object of(Supplier<TopicView> view, TopicView outline, String body) {
            return this == VALUES || body == null ? of(view.get()) : ValueDigest.of(outline, body);
        }
    }

    /** Templates parsed from the folder {@code dir} when its content had the digest {@code digest}. */
    private record Parsed(Path dir, String digest, Templates templates) {
    }

    private Parsed parsed;

    /**
     * Lays every page out into {@code out}, keeping those that {@code before} says were laid out from
     * equal inputs and that {@code out} still has; returns what this layout was made from. {@code identities}
     * are the bodies' in the cache folder ({@link BodyStage#identities}), or empty.
     */
    LaidOut layOut(Shared shared, List<Topic> topics, List<RenderedTopic> bodies, List<String> identities, SiteOutput out,
                   LaidOut before, Keys keys) throws BuildException, IOException {
        Object sharedKey = keys.of(shared);
        boolean sameShared = sharedKey.equals(before.shared());
        Map<String, Object> keptViews = sameShared ? before.topics() : Map.of();
        Lazy<PageRenderer> pages = new Lazy<>(() -> new PageRenderer(templates(shared), shared.site(), shared.assetNames(),
                shared.categories()));
        Map<String, Object> views = new ConcurrentHashMap<>();
        AtomicInteger laidOut = new AtomicInteger();
        try {
            if (sameShared && SITE_PAGES.stream().allMatch(out::has)) {
                SITE_PAGES.forEach(out::keep);
            } else {
                add(out, pages.get().home(), false);
                // The search page works offline but is no page for search engines: it is not in the sitemap.
                add(out, pages.get().search(), false);
                add(out, pages.get().notFound(), true);
                laidOut.addAndGet(SITE_PAGES.size());
            }
            IntStream.range(0, topics.size()).parallel().forEach(i -> {
                Topic t = topics.get(i);
                RenderedTopic body = bodies.get(i);
                Topic prev = i == 0 ? null : topics.get(i - 1);
                Topic next = i + 1 == topics.size() ? null : topics.get(i + 1);
                Supplier<TopicView> view = () -> view(t, body, body.html(), prev, next);
                Object key = keys.of(view, view(t, body, "", prev, next), i < identities.size() ? identities.get(i) : null);
                if (key.equals(keptViews.get(t.fileName())) && out.has(t.fileName())) {
                    out.keep(t.fileName());
                } else {
                    add(out, pages.get().topic(view.get()), false);
                    laidOut.incrementAndGet();
                }
                views.put(t.fileName(), key);
            });
        } catch (TemplateError e) {
            Path template = Path.of(e.template());
            throw new BuildException(shared.templatesDir() == null ? template : shared.templatesDir().resolve(template), e.line(),
                    "template error: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new LaidOut(sharedKey, Map.copyOf(views), laidOut.get());
    }

    /** The parsed templates of the shared parts' folder, parsed again only when its content changed. */
    private Templates templates(Shared shared) {
        return templates(shared.templatesDir(), shared.templatesDigest());
    }

    private synchronized Templates templates(Path dir, String digest) {
        if (parsed == null || !Objects.equals(parsed.dir(), dir) || !parsed.digest().equals(digest)) {
            parsed = new Parsed(dir, digest, new Templates(dir));
        }
        return parsed.templates();
    }

    /**
     * Starts the templates of {@code dir} (null: the built-in ones) on a thread of their own, laying out one sidebar item:
     * Thymeleaf's start is most of what a rebuild that lays out one page spends on it, and the other core is
     * free while the topics are read.
     */
    void warmUp(Path dir) {
        Thread warm = new Thread(() -> {
            try {
                templates(dir, dir == null ? "" : FolderDigest.of(dir)).warmUp();
            } catch (IOException | RuntimeException e) {
                // The layout meets the same fault and reports it.
            }
        }, "templates");
        warm.setDaemon(true);
        warm.start();
    }

    /** The shared parts of a site with these settings and topics (in reading order). */
    static Shared shared(SiteConfig site, List<Topic> topics, Map<String, String> assetNames, Path templatesDir,
                         String templatesDigest) {
        return new Shared(site, categories(site, topics), Map.copyOf(assetNames), templatesDir, templatesDigest);
    }

    private static void add(SiteOutput out, Page page, boolean hostOnly) {
        try {
            out.add(new OutputFile(page.path(), page.html(), hostOnly));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TopicView view(Topic t, RenderedTopic body, String html, Topic prev, Topic next) {
        return new TopicView(t.slug(), t.title(), t.summary(), t.category(), t.tags(), html, body.toc(), body.hasSims(), body.answers(),
                prev == null ? null : TopicLink.of(prev), next == null ? null : TopicLink.of(next));
    }

    /** The categories in site.yml's order, each with its topics' links. */
    private static List<CategoryView> categories(SiteConfig config, List<Topic> topics) {
        Map<String, List<TopicLink>> byCategory = new LinkedHashMap<>();
        for (String c : config.categories()) {
            byCategory.put(c, new ArrayList<>());
        }
        for (Topic t : topics) {
            byCategory.computeIfAbsent(t.category(), k -> new ArrayList<>()).add(TopicLink.of(t));
        }
        List<CategoryView> views = new ArrayList<>();
        for (Map.Entry<String, List<TopicLink>> e : byCategory.entrySet()) {
            if (!e.getValue().isEmpty()) {
                views.add(new CategoryView(e.getKey(), List.copyOf(e.getValue()), views.size()));
            }
        }
        return List.copyOf(views);
    }
}
