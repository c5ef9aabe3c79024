package org.simnotes.sitegen.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.simnotes.sitegen.content.Content;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.content.FileChanges;
import org.simnotes.sitegen.content.FrontMatter;
import org.simnotes.sitegen.content.SiteConfig;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.content.TopicFiles;
import org.simnotes.sitegen.digest.Fingerprint;
import org.simnotes.sitegen.digest.FolderDigest;
import org.simnotes.sitegen.digest.ValueDigest;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problem;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.host.HostHeaders;
import org.simnotes.sitegen.host.Sitemap;
import org.simnotes.sitegen.links.LinkChecker;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.math.KeptKatex;
import org.simnotes.sitegen.math.MathRenderer;
import org.simnotes.sitegen.output.FolderSync;
import org.simnotes.sitegen.output.OutputFile;
import org.simnotes.sitegen.output.OutputGuard;
import org.simnotes.sitegen.output.SiteOutput;
import org.simnotes.sitegen.render.Assets;
import org.simnotes.sitegen.search.SearchDocument;
import org.simnotes.sitegen.search.SearchScripts;
import org.simnotes.sitegen.sims.CourseSims;
import org.simnotes.sitegen.sims.SimCompiler;

/**
 * The pipeline, in named stages: load the content, make the course's simulations ready (compiled, or
 * from the cache), render the topics' bodies, check their links,
 * collect the assets and lay the pages out (while the search index is made on another thread), make the host
 * files, write. Nothing is
 * written unless every check passed. Topics render in parallel and pages go to the output as they are
 * laid out, so no build holds every page in memory; the output does not depend on the order they finish in.
 *
 * <p>Each stage keeps what it made under a key of everything it read, so that the dev server's
 * {@link #update} after an edit redoes only what the edit changed and gives the bytes a fresh build would.
 * {@link #build} keeps the same in the cache folder, under digests of those keys and of the generator's
 * own build: the bodies ({@link BodyCache}) and what it wrote into the output ({@link OutputState}), so a
 * build in a new process renders, lays out and writes only what changed since the last one. Before
 * all that, {@link #build} compares a digest of every file the build would read with the one its output
 * was made from: when they are equal and the output is as it was left, it reads nothing more.
 */
public final class SiteBuilder implements AutoCloseable {
    private final BuildOptions options;
    private final TopicFiles topicFiles = new TopicFiles();
    private final String generator = generatorKey();
    private final BodyStage bodyStage;
    private final LinkChecker.Memo linkMemo = new LinkChecker.Memo();
    private final AssetStage assetStage;
    private final SearchStage.KeptTerms keptTerms;
    private final KeptKatex keptKatex;
    private final SearchStage searchStage = new SearchStage();
    private final PageStage pageStage;
    private final SimCompiler simCompiler;
    /** The dev server's output folder and formula renderer, made by the first {@link #update}. */
    private FolderSync served;
    private MathRenderer servedMath;
    /** What the pages in the served folder were laid out from, and the search index files written there. */
    private PageStage.LaidOut servedPages = PageStage.LaidOut.NOTHING;
    private List<String> servedSearchFiles = List.of();

    public SiteBuilder(BuildOptions options) {
        this(options, null);
    }

    /** A builder that takes what {@code reuse} kept from the builds before and keeps what this one makes (null: nothing). */
    public SiteBuilder(BuildOptions options, Reuse reuse) {
        this.options = options;
        this.pageStage = reuse == null ? new PageStage() : reuse.pages;
        this.assetStage = reuse == null ? new AssetStage() : reuse.assets;
        this.keptTerms = reuse == null ? null : reuse.searchTerms;
        this.keptKatex = reuse == null ? null : reuse.katex;
        this.simCompiler = new SimCompiler(options.cacheDir());
        this.bodyStage = new BodyStage(options.cacheDir(), generator);
    }

    /**
     * The site as loaded and checked: its content and settings, its widgets, each topic's body, the content files
     * its links ship, the warnings, and a digest of the templates folder.
     */
    private record Checked(Content content, SiteConfig config, CourseSims sims, List<RenderedTopic> bodies,
                           List<OutputFile> shipped, List<Problem> warnings, String templatesDigest) {
        List<Topic> topics() {
            return content.topics();
        }
    }

    /**
     * Renders the site into the output folder, which changes only if all of it rendered. When the cache
     * folder says what the last build wrote there and the folder still holds just that, only the files
     * whose bytes changed are written, in place; otherwise the folder is written whole.
     */
    public BuildResult build(Progress progress) throws BuildException, IOException {
        long start = System.nanoTime();
        OutputGuard guard = options.outputGuard();
        Path dir = guard.siteFolder(options.outputDir());
        Path cache = options.cacheDir();
        // Taken before anything is read, so an edit made while this build runs is seen by the next.
        String sources = cache == null ? null : sourcesDigest();
        OutputState before = OutputState.load(cache, dir, generator);
        if (before != null && sources != null && ValueDigest.of(sources, formulasFingerprint()).equals(before.sources())) {
            OutputState.Report r = before.report();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new BuildResult(r.pages(), r.searchIndexBytes(), r.warnings(), millis, millis,
                    r.ownWidgets() > 0 ? CourseSims.Outcome.CACHED : CourseSims.Outcome.BUILT_IN, r.ownWidgets(), 0, 0, 0);
        }
        pageStage.warmUp(options.templatesDir());
        Map<String, FrontMatter> frontMatter = cache == null ? Map.of() : FrontMatterCache.read(cache, generator);
        topicFiles.remember(frontMatter);
        try (MathRenderer math = openMath()) {
            Checked site = check(progress, math, FileChanges.ANY);
            math.stopEngine();
            FolderSync sync = new FolderSync(dir, guard, before == null ? Map.of() : before.digests());
            Map<String, String> inputs = new HashMap<>(before == null ? Map.of() : before.inputs());
            // Read by both threads below; inputs itself is written once they are done.
            Map<String, String> last = Map.copyOf(inputs);
            Assets assets;
            PageStage.LaidOut pages;
            SearchStage.Made index;
            int written;
            try (FolderSync.Update out = sync.begin()) {
                // Made on another thread while the assets are collected and the pages laid out: a rebuild lays
                // out a page or two, on one core, and the search index part that holds them takes as long.
                CompletableFuture<SearchStage.Made> search = CompletableFuture.supplyAsync(() -> {
                    try {
                        return searchStage.write(documents(site), bodyStage.identities(), out, last, keptTerms);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                try {
                    assets = assetStage.collect(options.templatesDir(), site.templatesDigest(), site.bodies(), site.sims());
                    pages = pageStage.layOut(shared(site, assets), site.topics(), site.bodies(), bodyStage.identities(), out,
                            before == null ? PageStage.LaidOut.NOTHING : new PageStage.LaidOut(before.shared(), Map.copyOf(last), 0),
                            PageStage.Keys.DIGESTS);
                } catch (Throwable e) {
                    // The index writes into the output: it is done before the output is closed, and its own fault is kept.
                    search.handle((made, fault) -> {
                        if (fault != null) {
                            e.addSuppressed(searchFault(fault));
                        }
                        return made;
                    }).join();
                    throw e;
                }
                index = made(search);
                List<OutputFile> files = new ArrayList<>(site.shipped());
                files.addAll(assets.files());
                files.addAll(hostFiles(site));
                for (OutputFile f : files) {
                    out.add(f);
                }
                written = out.writes();
                if (out.changes()) {
                    if (cache != null) {
                        OutputState.forget(cache, dir, generator);
                    }
                    out.commit();
                }
            }
            long indexBytes = 0;
            Set<String> made = new HashSet<>();
            for (OutputFile f : index.files()) {
                indexBytes += f.bytes().length;
                made.add(f.path());
            }
            for (String part : index.partKeys().keySet()) {
                if (!made.contains(part)) {
                    indexBytes += before.files().get(part).size();
                }
            }
            BuildResult result = result(site, (int) indexBytes, pages.laidOut(), written, start, System.nanoTime());
            if (cache != null) {
                // The formula cache as this build leaves it: its new entries are what the pages show.
                String read = sources == null ? "" : ValueDigest.of(sources, formulasFingerprint());
                if (before == null || written > 0 || pages.laidOut() > 0 || index.files().size() > 1 || !read.equals(before.sources())) {
                    inputs.clear();
                    pages.topics().forEach((path, key) -> inputs.put(path, (String) key));
                    inputs.putAll(index.partKeys());
                    OutputState.Report report = new OutputState.Report(result.pages(), result.searchIndexBytes(), result.warnings(),
                            result.ownWidgets());
                    OutputState.after(before, dir, (String) pages.shared(), read, report, sync.files(), inputs).save(cache, dir, generator);
                }
            }
            Map<String, FrontMatter> parsed = topicFiles.frontMatter();
            if (cache != null && !parsed.equals(frontMatter)) {
                FrontMatterCache.write(cache, generator, parsed);
            }
            bodyStage.pruneDisk();
            return result;
        }
    }

    /**
     * A digest of everything a build reads but its own caches: the generator, the settings, and every
     * file of the content folder, the templates folder and the widget class folders. With the formula
     * cache's {@link #formulasFingerprint}, equal to what the last build into an output was made from, that
     * output is what this build would write.
     */
    private String sourcesDigest() {
        if (!Files.isDirectory(options.contentDir()) || options.templatesDir() != null && !Files.isDirectory(options.templatesDir())) {
            return null;
        }
        try {
            return ValueDigest.of(sourceParts());
        } catch (IOException e) {
            // Unreadable: the build that follows reads the same files and says what is wrong.
            return null;
        }
    }

    private List<Object> sourceParts() throws IOException {
        List<Object> parts = new ArrayList<>(List.of(generator, System.getProperty("java.version"), String.valueOf(options.baseUrl()),
                options.strict(), options.contentDir().toAbsolutePath().toString(), FolderDigest.of(options.contentDir())));
        parts.add(options.templatesDir() == null ? "" : options.templatesDir().toAbsolutePath() + " " + FolderDigest.of(options.templatesDir()));
        for (Path classes : options.widgetClasses()) {
            parts.add(classes.toAbsolutePath() + " " + (Files.isDirectory(classes) ? FolderDigest.of(classes) : "none"));
        }
        return parts;
    }

    /** The fingerprint of the formula cache file, or "none". */
    private String formulasFingerprint() throws IOException {
        Path file = MathRenderer.cacheFile(options.cacheDir());
        return Files.isRegularFile(file) ? Fingerprint.of(Files.readAllBytes(file)) : "none";
    }

    /** Renders every file of the site into {@code out}, which the caller commits. */
    public BuildResult render(Progress progress, SiteOutput out) throws BuildException, IOException {
        long start = System.nanoTime();
        try (MathRenderer math = openMath()) {
            return render(progress, out, math, start);
        }
    }

    private BuildResult render(Progress progress, SiteOutput out, MathRenderer math, long start) throws BuildException, IOException {
        Checked site = check(progress, math, FileChanges.ANY);
        math.stopEngine();
        Assets assets = assetStage.collect(options.templatesDir(), site.templatesDigest(), site.bodies(), site.sims());
        List<OutputFile> index = searchStage.files(documents(site));
        PageStage.LaidOut pages = pageStage.layOut(shared(site, assets), site.topics(), site.bodies(), List.of(), out,
                PageStage.LaidOut.NOTHING, PageStage.Keys.VALUES);
        List<OutputFile> files = new ArrayList<>(site.shipped());
        files.addAll(assets.files());
        files.addAll(index);
        files.addAll(hostFiles(site));
        for (OutputFile f : files) {
            out.add(f);
        }
        return result(site, bytes(index), pages.laidOut(), pages.laidOut() + files.size(), start, System.nanoTime());
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
        Checked site = check(progress, servedMath, changes);
        Assets assets = assetStage.collect(options.templatesDir(), site.templatesDigest(), site.bodies(), site.sims());
        int written;
        try (FolderSync.Update out = served.begin()) {
            PageStage.LaidOut pages = pageStage.layOut(shared(site, assets), site.topics(), site.bodies(), List.of(), out, servedPages,
                    PageStage.Keys.VALUES);
            List<OutputFile> files = new ArrayList<>(site.shipped());
            files.addAll(hostFiles(site));
            for (OutputFile f : files) {
                out.add(f);
            }
            for (OutputFile f : assets.files()) {
                // Their names carry their content's hash: a file that is there is the same.
                if (out.has(f.path())) {
                    out.keep(f.path());
                } else {
                    out.add(f);
                }
            }
            // Written after the pages, below; until then the last ones stay.
            servedSearchFiles.stream().filter(out::has).forEach(out::keep);
            written = out.writes();
            out.commit();
            servedPages = pages;
        }
        long pagesDone = System.nanoTime();
        pagesWritten.run();
        List<OutputFile> index = searchStage.files(documents(site));
        written += writeSearchIndex(index);
        return result(site, bytes(index), servedPages.laidOut(), written, start, pagesDone);
    }

    /** Writes the search index into the served folder after its pages, and removes parts no longer made; says how many files it wrote. */
    private int writeSearchIndex(List<OutputFile> index) throws IOException {
        List<String> names = index.stream().map(OutputFile::path).toList();
        int written = 0;
        for (OutputFile f : index) {
            written += served.write(f) ? 1 : 0;
        }
        for (String gone : servedSearchFiles) {
            if (!names.contains(gone)) {
                served.delete(gone);
            }
        }
        servedSearchFiles = names;
        return written;
    }

    /** The formula renderer, once the cache path is found to be no file, before anything is written. */
    private MathRenderer openMath() throws IOException {
        OutputGuard.cacheFolder(options.cacheDir());
        return MathRenderer.open(options.cacheDir(), keptKatex);
    }

    /**
     * The stages that find faults: load, the course's own simulations, bodies, links. Throws with every fault found (and with the
     * warnings, when the build is strict). Topic files are looked at again as {@code changes} says.
     */
    private Checked check(Progress progress, MathRenderer math, FileChanges changes) throws BuildException, IOException {
        if (options.templatesDir() != null && !Files.isDirectory(options.templatesDir())) {
            throw new BuildException(options.templatesDir(), 0, "templates folder not found");
        }
        Problems problems = new Problems();
        Content content = ContentLoader.load(options.contentDir(), topicFiles, changes, problems);
        SiteConfig config = options.baseUrl() == null ? content.config() : content.config().withBaseUrl(options.baseUrl());
        CourseSims sims = simCompiler.prepare(options.contentDir(), options.widgetClasses(), problems);
        if (sims == null) {
            // The bodies' widgets could not be made: what the blocks would report follows from this.
            problems.throwIfAny();
        }
        // The dev server compares every page's view on each edit, so it holds the bodies' text once made.
        List<RenderedTopic> bodies = bodyStage.render(content.topics(), math, sims, problems, progress, served != null);
        List<OutputFile> shipped = new LinkChecker(content, bodies).check(bodies, problems, linkMemo);
        warn(content, bodies, problems);
        problems.throwIfAny();
        if (options.strict() && !problems.warnings().isEmpty()) {
            throw new BuildException(problems.warnings());
        }
        return new Checked(content, config, sims, bodies, shipped, problems.warnings(), options.templatesDir() == null ? "" : FolderDigest.of(options.templatesDir()));
    }

    /** What every page shows: the site, its navigation, the assets' names (the search index's manifest among them) and the templates. */
    private PageStage.Shared shared(Checked site, Assets assets) {
        Map<String, String> assetNames = new TreeMap<>(assets.names());
        assetNames.put(SearchScripts.MANIFEST, SearchScripts.MANIFEST);
        return PageStage.shared(site.config(), site.topics(), assetNames, options.templatesDir(), site.templatesDigest());
    }

    /** The search index {@code search} made, or the fault that stopped it. */
    private static SearchStage.Made made(CompletableFuture<SearchStage.Made> search) throws IOException {
        try {
            return search.join();
        } catch (CompletionException e) {
            Throwable fault = searchFault(e);
            if (fault instanceof IOException io) {
                throw io;
            }
            if (fault instanceof RuntimeException r) {
                throw r;
            }
            if (fault instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The fault the search index's stage raised, from what its future gives. */
    private static Throwable searchFault(Throwable fault) {
        Throwable cause = fault instanceof CompletionException && fault.getCause() != null ? fault.getCause() : fault;
        return cause instanceof UncheckedIOException io ? io.getCause() : cause;
    }

    private static List<SearchDocument> documents(Checked site) {
        List<SearchDocument> documents = new ArrayList<>(site.topics().size());
        for (int i = 0; i < site.topics().size(); i++) {
            documents.add(SearchDocument.of(site.topics().get(i), site.bodies().get(i)));
        }
        return documents;
    }

    /** The sitemap and robots.txt (with a base URL that is a full address) and the host headers. */
    private static List<OutputFile> hostFiles(Checked site) {
        List<String> indexable = new ArrayList<>();
        indexable.add("index.html");
        site.topics().forEach(t -> indexable.add(t.fileName()));
        List<OutputFile> files = new ArrayList<>(Sitemap.files(site.config(), indexable));
        files.add(HostHeaders.forSite().file());
        return files;
    }

    private static int bytes(List<OutputFile> files) {
        return files.stream().mapToInt(f -> f.bytes().length).sum();
    }

    private BuildResult result(Checked site, int indexBytes, int laidOut, int written, long start, long pagesDone) {
        long now = System.nanoTime();
        // The topics' pages, the home page, the search page and the 404 page.
        int pages = site.topics().size() + 3;
        return new BuildResult(pages, indexBytes, site.warnings(), (now - start) / 1_000_000, (pagesDone - start) / 1_000_000,
                site.sims().outcome(), site.sims().ownWidgets(), bodyStage.rendered(), laidOut, written);
    }

    /**
     * What tells this generator's builds apart, so nothing another build of it kept is used: its version,
     * and the jar (or classes folder, during development) it runs from, by size and modification time.
     */
    private static String generatorKey() {
        String version = SiteBuilder.class.getPackage().getImplementationVersion();
        try {
            Path from = Path.of(SiteBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Object> parts = new ArrayList<>(List.of(String.valueOf(version), from.toString()));
            try (Stream<Path> all = Files.isDirectory(from) ? Files.walk(from) : Stream.of(from)) {
                for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                    parts.add(from.relativize(p).toString() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
                }
            }
            return ValueDigest.of(parts);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown: a key no other run has, so nothing kept is trusted.
            return ValueDigest.of("unknown", System.nanoTime(), Math.random());
        }
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
}
