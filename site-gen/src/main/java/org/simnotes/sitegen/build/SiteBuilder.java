package org.simnotes.sitegen.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.simnotes.sitegen.content.Content;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.content.SiteConfig;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.host.HostHeaders;
import org.simnotes.sitegen.host.Sitemap;
import org.simnotes.sitegen.markdown.MarkdownRenderer;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.math.MathRenderer;
import org.simnotes.sitegen.output.OutputFile;
import org.simnotes.sitegen.output.SiteWriter;
import org.simnotes.sitegen.render.Assets;
import org.simnotes.sitegen.render.CategoryView;
import org.simnotes.sitegen.render.Page;
import org.simnotes.sitegen.render.PageRenderer;
import org.simnotes.sitegen.render.TemplateError;
import org.simnotes.sitegen.render.TopicLink;
import org.simnotes.sitegen.render.TopicView;
import org.simnotes.sitegen.search.SearchDocument;
import org.simnotes.sitegen.search.SearchIndexer;

/**
 * The pipeline, one way: content files → topics → HTML fragments (checked, links included) and the
 * search index → pages → the site folder. Topics render in parallel; the output does not depend on
 * the order they finish in, and nothing is written unless every stage succeeded.
 */
public final class SiteBuilder {
    /** The search index's logical asset name: templates load it as {@code assets['search-index.js']}. */
    public static final String SEARCH_INDEX = "search-index.js";

    private final BuildOptions options;
    private final RenderMemo memo = new RenderMemo();
    /** What {@link #update} wrote last, to write only what changed. */
    private Map<String, byte[]> written = Map.of();

    public SiteBuilder(BuildOptions options) {
        this.options = options;
    }

    /** Renders the site and writes it to the output folder, which changes only if all of it rendered. */
    public BuildResult build(Progress progress) throws BuildException, IOException {
        return renderAndWrite(progress, files -> SiteWriter.write(options.outputDir(), files));
    }

    /**
     * For the dev server: renders again only what changed since this builder's last build and writes
     * only the files whose bytes changed. Every check still runs before anything is written.
     */
    public BuildResult update(Progress progress) throws BuildException, IOException {
        return renderAndWrite(progress, files -> written = SiteWriter.sync(options.outputDir(), files, written));
    }

    private interface FilesWriter {
        void write(List<OutputFile> files) throws IOException;
    }

    private BuildResult renderAndWrite(Progress progress, FilesWriter writer) throws BuildException, IOException {
        long start = System.nanoTime();
        BuiltSite site = render(progress);
        writer.write(site.files());
        return new BuildResult(site.pages(), site.searchIndexBytes(), site.warnings(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Renders every file of the site in memory, in an order that depends only on the input, so each
     * writer (the site folder, the offline bundle) gets the same files. Topic bodies come first, since
     * which KaTeX fonts ship depends on the formulas in them.
     */
    public BuiltSite render(Progress progress) throws BuildException, IOException {
        Content content = ContentLoader.load(options.contentDir(), memo.topics());
        SiteConfig config = options.baseUrl() == null ? content.config() : content.config().withBaseUrl(options.baseUrl());
        List<Topic> topics = content.topics();
        Problems problems = new Problems();

        List<RenderedTopic> bodies = renderBodies(topics, problems, progress);
        List<OutputFile> files = new ArrayList<>(new LinkChecker(content, bodies).check(bodies, problems));
        warn(content, bodies, problems);
        problems.throwIfAny();
        if (options.strict() && !problems.warnings().isEmpty()) {
            throw new BuildException(problems.warnings());
        }
        for (int i = 0; i < topics.size(); i++) {
            memo.keepBody(topics.get(i), bodies.get(i));
        }

        long templatesStamp = templatesStamp();
        List<String> htmls = bodies.stream().map(RenderedTopic::html).toList();
        List<SearchDocument> documents = IntStream.range(0, topics.size())
                .mapToObj(i -> SearchDocument.of(topics.get(i), bodies.get(i))).toList();
        SiteAssets site = memo.assets(List.of(templatesStamp, htmls, documents), () -> {
            Assets collected = Assets.collect(options.templatesDir(), htmls);
            byte[] index = SearchIndexer.index(documents).toScript().getBytes(StandardCharsets.UTF_8);
            collected.addContentFile(SEARCH_INDEX, index);
            return new SiteAssets(collected, index.length);
        });
        Assets assets = site.assets();
        files.addAll(assets.files());
        List<CategoryView> categories = categories(config, topics);
        PageRenderer pages = new PageRenderer(options.templatesDir(), config, assets.names(), categories);
        memo.shared(config, categories, assets.names(), templatesStamp);
        List<Page> indexable = new ArrayList<>();
        Page search;
        Page notFound;
        try {
            indexable.add(pages.home());
            indexable.addAll(IntStream.range(0, topics.size()).parallel()
                    .mapToObj(i -> topicPage(pages, view(topics, bodies, i)))
                    .toList());
            search = pages.search();
            notFound = pages.notFound();
        } catch (TemplateError e) {
            throw new BuildException(options.templatesDir().resolve(e.template()), e.line(), "template error: " + e.getMessage());
        }
        for (Page p : indexable) {
            files.add(new OutputFile(p.path(), p.html().getBytes(StandardCharsets.UTF_8)));
        }
        // The search page works offline but is no page for search engines: it is not in the sitemap.
        files.add(new OutputFile(search.path(), search.html().getBytes(StandardCharsets.UTF_8)));
        files.add(new OutputFile(notFound.path(), notFound.html().getBytes(StandardCharsets.UTF_8), true));
        files.addAll(Sitemap.files(config, indexable.stream().map(Page::path).toList()));
        files.add(HostHeaders.forSite().file());
        memo.retain(topics);
        return new BuiltSite(files, indexable.size() + 2, site.searchIndexBytes(), problems.warnings());
    }

    /** The front-end files with the search index among them, and the index's size for the summary. */
    record SiteAssets(Assets assets, int searchIndexBytes) {
    }

    private Page topicPage(PageRenderer pages, TopicView view) {
        Page page = memo.page(view);
        if (page == null) {
            page = pages.topic(view);
            memo.keepPage(view, page);
        }
        return page;
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

    private List<RenderedTopic> renderBodies(List<Topic> topics, Problems problems, Progress progress) throws IOException {
        Map<String, String> pagesByFile = new LinkedHashMap<>();
        for (Topic t : topics) {
            pagesByFile.put(t.file().getFileName().toString(), t.fileName());
        }
        AtomicInteger done = new AtomicInteger();
        memo.topicFiles(pagesByFile);
        try (MathRenderer math = MathRenderer.open(options.cacheDir())) {
            MarkdownRenderer markdown = new MarkdownRenderer(math, pagesByFile);
            List<RenderedTopic> bodies = topics.parallelStream()
                    .map(t -> {
                        RenderedTopic kept = memo.body(t);
                        RenderedTopic body = kept != null ? kept : markdown.render(t, problems);
                        progress.step(done.incrementAndGet(), topics.size());
                        return body;
                    })
                    .toList();
            math.saveCache();
            return bodies;
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
        for (String category : content.config().categories()) {
            if (topics.stream().noneMatch(t -> t.category().equals(category))) {
                problems.warn(content.dir().resolve(SiteConfig.FILE_NAME), 0, "category '" + category + "' has no topics");
            }
        }
    }

    private static TopicView view(List<Topic> topics, List<RenderedTopic> bodies, int i) {
        Topic t = topics.get(i);
        RenderedTopic body = bodies.get(i);
        Topic prev = i == 0 ? null : topics.get(i - 1);
        Topic next = i + 1 == topics.size() ? null : topics.get(i + 1);
        return new TopicView(t.slug(), t.title(), t.summary(), t.category(), t.tags(), body.html(), body.toc(), body.hasSims(),
                prev == null ? null : TopicLink.of(prev), next == null ? null : TopicLink.of(next));
    }

    private static List<CategoryView> categories(SiteConfig config, List<Topic> topics) {
        Map<String, List<TopicLink>> byCategory = new LinkedHashMap<>();
        for (String c : config.categories()) {
            byCategory.put(c, new ArrayList<>());
        }
        for (Topic t : topics) {
            byCategory.computeIfAbsent(t.category(), k -> new ArrayList<>()).add(TopicLink.of(t));
        }
        return byCategory.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new CategoryView(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }
}
