package org.simnotes.sitegen.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.simnotes.sitegen.content.Content;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.content.FileChanges;
import org.simnotes.sitegen.content.SiteConfig;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problem;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.host.HostHeaders;
import org.simnotes.sitegen.host.Sitemap;
import org.simnotes.sitegen.links.LinkChecker;
import org.simnotes.sitegen.markdown.MarkdownRenderer;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.math.MathRenderer;
import org.simnotes.sitegen.output.FolderSync;
import org.simnotes.sitegen.output.OutputFile;
import org.simnotes.sitegen.output.OutputGuard;
import org.simnotes.sitegen.output.SiteFolder;
import org.simnotes.sitegen.output.SiteOutput;
import org.simnotes.sitegen.render.Assets;
import org.simnotes.sitegen.render.CategoryView;
import org.simnotes.sitegen.render.Page;
import org.simnotes.sitegen.render.PageRenderer;
import org.simnotes.sitegen.render.TemplateError;
import org.simnotes.sitegen.render.Templates;
import org.simnotes.sitegen.render.TopicLink;
import org.simnotes.sitegen.render.TopicView;
import org.simnotes.sitegen.search.SearchDocument;
import org.simnotes.sitegen.search.SearchScripts;

/**
 * The pipeline, one way: content files → topics → HTML fragments (checked, links included) and the
 * search index → pages → an output (the site folder, the dev server's folder, the offline bundle).
 * Topics render in parallel and pages go to the output as they are laid out, so no build holds the
 * whole site in memory; the output does not depend on the order they finish in, and nothing is
 * written unless every check passed.
 */
public final class SiteBuilder implements AutoCloseable {
    private final BuildOptions options;
    private final RenderMemo memo = new RenderMemo();
    /** The dev server's output folder and formula renderer, made by the first {@link #update}. */
    private FolderSync served;
    private MathRenderer servedMath;

    public SiteBuilder(BuildOptions options) {
        this.options = options;
    }

    /** Renders the site into the output folder, which changes only if all of it rendered. */
    public BuildResult build(Progress progress) throws BuildException, IOException {
        long start = System.nanoTime();
        try (MathRenderer math = openMath(); SiteFolder folder = new SiteFolder(options.outputDir(), options.outputGuard())) {
            Rendered r = render(progress, folder, math, false, FileChanges.ANY);
            folder.commit();
            return r.result(r.index(), start, System.nanoTime());
        }
    }

    /**
     * For the dev server: renders again only what changed since this builder's last update and writes
     * only the files whose bytes changed. Every check still runs before anything is written. The pages
     * are written first, then {@code pagesWritten} runs (the browser may reload), then the search index,
     * which only the search box loads and which takes longest to make again. {@code changes} are the
     * files changed since the last update, as far as the caller knows.
     */
    public BuildResult update(Progress progress, FileChanges changes, Runnable pagesWritten) throws BuildException, IOException {
        if (served == null) {
            // Kept open between updates, so a new formula does not start KaTeX again on every edit.
            servedMath = openMath();
            served = new FolderSync(options.outputDir(), options.outputGuard());
        }
        long start = System.nanoTime();
        Rendered r;
        try (FolderSync.Update out = served.begin()) {
            r = render(progress, out, servedMath, true, changes);
            out.commit();
        } catch (Throwable e) {
            // Pages laid out for an update that was not written, whatever stopped it, must be laid out again next time.
            memo.forgetPages();
            throw e;
        }
        long pagesDone = System.nanoTime();
        pagesWritten.run();
        SearchFiles index = r.index();
        if (index == null) {
            index = memo.searchIndex(r.documents());
            try {
                for (OutputFile f : index.fresh()) {
                    served.write(f);
                }
                for (String gone : index.gone()) {
                    served.delete(gone);
                }
            } catch (IOException | RuntimeException e) {
                memo.forgetSearchFiles();
                throw e;
            }
        }
        return r.result(index, start, pagesDone);
    }

    /**
     * For the dev server once its first build is served: an update that finds nothing changed yet makes
     * the first part of the search index again as an edit of its first topic would, so that the code an
     * edit runs is compiled before the first edit. Nothing is written, as every byte is the same.
     */
    public void rehearse() throws BuildException, IOException {
        memo.remakeFirstSearchPart();
        update(Progress.NONE, FileChanges.NONE, () -> { });
    }

    /**
     * What a render made: the page count, warnings, the search documents, and the search index unless
     * it was left for later ({@code index} null).
     */
    private record Rendered(int pages, List<Problem> warnings, List<SearchDocument> documents, SearchFiles index) {
        BuildResult result(SearchFiles writtenIndex, long start, long pagesDone) {
            long now = System.nanoTime();
            return new BuildResult(pages, writtenIndex.bytes(), warnings, (now - start) / 1_000_000, (pagesDone - start) / 1_000_000);
        }
    }

    /**
     * Renders every file of the site into {@code out}; pages whose inputs did not change since the
     * last render are kept when {@code out} still has them. Topic bodies come first, since which KaTeX
     * fonts ship depends on the formulas in them.
     */
    public BuildResult render(Progress progress, SiteOutput out) throws BuildException, IOException {
        long start = System.nanoTime();
        try (MathRenderer math = openMath()) {
            Rendered r = render(progress, out, math, false, FileChanges.ANY);
            return r.result(r.index(), start, System.nanoTime());
        }
    }

    /** The formula renderer, once the cache path is found to be no file, before anything is written. */
    private MathRenderer openMath() throws IOException {
        OutputGuard.cacheFolder(options.cacheDir());
        return MathRenderer.open(options.cacheDir());
    }

    /**
     * Renders into {@code out}; with {@code deferIndex}, leaves the search index to the caller when
     * {@code out} keeps the last one. Topic files are looked at again as {@code changes} says.
     */
    private Rendered render(Progress progress, SiteOutput out, MathRenderer math, boolean deferIndex, FileChanges changes)
            throws BuildException, IOException {
        if (!Files.isDirectory(options.templatesDir())) {
            throw new BuildException(options.templatesDir(), 0, "templates folder not found");
        }
        Problems problems = new Problems();
        Content content = ContentLoader.load(options.contentDir(), memo.loaded(), changes, problems);
        SiteConfig config = options.baseUrl() == null ? content.config() : content.config().withBaseUrl(options.baseUrl());
        List<Topic> topics = content.topics();

        Bodies rendered = renderBodies(topics, math, problems, progress);
        List<RenderedTopic> bodies = rendered.all();
        List<OutputFile> shipped = new LinkChecker(content, bodies).check(bodies, problems, memo.links());
        warn(content, bodies, problems);
        problems.throwIfAny();
        if (options.strict() && !problems.warnings().isEmpty()) {
            throw new BuildException(problems.warnings());
        }
        for (int i : rendered.fresh()) {
            memo.keepBody(topics.get(i), bodies.get(i));
        }
        for (OutputFile f : shipped) {
            out.add(f);
        }

        long templatesStamp = templatesStamp();
        List<SearchDocument> documents = memo.documents(topics, bodies);
        Assets assets = memo.assets(templatesStamp, memo.classesUsed(bodies), classes -> Assets.collect(options.templatesDir(), classes));
        for (OutputFile f : assets.files()) {
            addUnlessKept(out, f);
        }
        SearchFiles index = null;
        List<String> lastIndex = memo.searchFileNames();
        if (!(deferIndex && !lastIndex.isEmpty() && lastIndex.stream().allMatch(out::keep))) {
            index = memo.searchIndex(documents);
            for (OutputFile f : index.all()) {
                out.add(f);
            }
        }
        Map<String, String> assetNames = new TreeMap<>(assets.names());
        assetNames.put(SearchScripts.MANIFEST, SearchScripts.MANIFEST);
        List<CategoryView> categories = categories(config, topics, memo.topicLinks(topics));
        boolean sameShared = memo.shared(config, categories, assetNames, templatesStamp);
        Templates templates = memo.templates(templatesStamp, () -> new Templates(options.templatesDir()));
        PageRenderer pages = new PageRenderer(templates, config, assetNames, categories);
        List<String> indexable = new ArrayList<>();
        indexable.add("index.html");
        topics.forEach(t -> indexable.add(t.fileName()));
        try {
            if (!(sameShared && out.keep("index.html") && out.keep("search.html") && out.keep("404.html"))) {
                add(out, pages.home(), false);
                // The search page works offline but is no page for search engines: it is not in the sitemap.
                add(out, pages.search(), false);
                add(out, pages.notFound(), true);
            }
            IntStream.range(0, topics.size()).parallel().forEach(i -> {
                Topic t = topics.get(i);
                Topic prev = i == 0 ? null : topics.get(i - 1);
                Topic next = i + 1 == topics.size() ? null : topics.get(i + 1);
                if (memo.samePage(t, bodies.get(i), prev, next) && out.keep(t.fileName())) {
                    return;
                }
                TopicView view = view(t, bodies.get(i), prev, next);
                if (!(memo.samePage(view) && out.keep(t.fileName()))) {
                    add(out, pages.topic(view), false);
                }
                memo.keepPage(t, bodies.get(i), prev, next, view);
            });
        } catch (TemplateError e) {
            throw new BuildException(options.templatesDir().resolve(e.template()), e.line(), "template error: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!(memo.sameSitemap(config, indexable) && Sitemap.paths(config).stream().allMatch(out::keep))) {
            for (OutputFile f : Sitemap.files(config, indexable)) {
                out.add(f);
            }
        }
        out.add(HostHeaders.forSite().file());
        memo.retain(topics);
        return new Rendered(indexable.size() + 2, problems.warnings(), documents, index);
    }

    private static void add(SiteOutput out, Page page, boolean hostOnly) {
        try {
            out.add(new OutputFile(page.path(), page.html().getBytes(StandardCharsets.UTF_8), hostOnly));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asset files carry their content's hash in their name (the KaTeX fonts, their version's): kept when there. */
    private static void addUnlessKept(SiteOutput out, OutputFile f) throws IOException {
        if (!out.keep(f.path())) {
            out.add(f);
        }
    }

    /** The newest change among the templates: pages are laid out again when it moves. */
    private long templatesStamp() throws IOException {
        try (Stream<Path> all = Files.walk(options.templatesDir())) {
            long newest = 0;
            for (Path p : all.toList()) {
                newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
            }
            return newest;
        }
    }

    /** The topics' bodies, and the places of those rendered now rather than found in the memo. */
    private record Bodies(List<RenderedTopic> all, Collection<Integer> fresh) {
    }

    private Bodies renderBodies(List<Topic> topics, MathRenderer math, Problems problems, Progress progress)
            throws IOException {
        AtomicInteger done = new AtomicInteger();
        MarkdownRenderer markdown = memo.markdown(topics, math);
        Collection<Integer> fresh = new ConcurrentLinkedQueue<>();
        List<RenderedTopic> bodies = IntStream.range(0, topics.size()).parallel()
                .mapToObj(i -> {
                    Topic t = topics.get(i);
                    RenderedTopic body = memo.body(t);
                    if (body == null) {
                        body = markdown.render(t, problems);
                        fresh.add(i);
                    }
                    progress.step(done.incrementAndGet(), topics.size());
                    return body;
                })
                .toList();
        math.saveCache();
        return new Bodies(bodies, fresh);
    }

    /** Stops the dev server's formula renderer, if {@link #update} started one. */
    @Override
    public void close() {
        if (servedMath != null) {
            servedMath.close();
        }
    }

    /** Faults that do not stop a build unless it is strict. */
    private static void warn(Content content, List<RenderedTopic> bodies, Problems problems) {
        List<Topic> topics = content.topics();
        for (int i = 0; i < topics.size(); i++) {
            if (bodies.get(i).answers() == 0) {
                problems.warn(topics.get(i).file(), 0, "no interview answer: add a heading with 面试 followed by a blockquote");
            }
        }
        Set<String> used = new HashSet<>();
        topics.forEach(t -> used.add(t.category()));
        for (String category : content.config().categories()) {
            if (!used.contains(category)) {
                problems.warn(content.dir().resolve(SiteConfig.FILE_NAME), 0, "category '" + category + "' has no topics");
            }
        }
    }

    private static TopicView view(Topic t, RenderedTopic body, Topic prev, Topic next) {
        return new TopicView(t.slug(), t.title(), t.summary(), t.category(), t.tags(), body.html(), body.toc(), body.hasSims(),
                prev == null ? null : TopicLink.of(prev), next == null ? null : TopicLink.of(next));
    }

    /** The categories in site.yml's order, each with its topics' links ({@code links}, one per topic). */
    private static List<CategoryView> categories(SiteConfig config, List<Topic> topics, List<TopicLink> links) {
        Map<String, List<TopicLink>> byCategory = new LinkedHashMap<>();
        for (String c : config.categories()) {
            byCategory.put(c, new ArrayList<>());
        }
        for (int i = 0; i < topics.size(); i++) {
            byCategory.computeIfAbsent(topics.get(i).category(), k -> new ArrayList<>()).add(links.get(i));
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
