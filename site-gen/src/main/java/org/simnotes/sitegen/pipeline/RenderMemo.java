package org.simnotes.sitegen.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.content.SiteConfig;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.content.TopicFiles;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.links.LinkChecker;
import org.simnotes.sitegen.markdown.MarkdownRenderer;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.math.MathRenderer;
import org.simnotes.sitegen.output.OutputFile;
import org.simnotes.sitegen.render.Assets;
import org.simnotes.sitegen.render.CategoryView;
import org.simnotes.sitegen.render.Templates;
import org.simnotes.sitegen.render.TopicLink;
import org.simnotes.sitegen.render.TopicView;
import org.simnotes.sitegen.search.SearchDocument;
import org.simnotes.sitegen.search.SearchIndexer;
import org.simnotes.sitegen.search.SearchScripts;

/**
 * What the previous render of one {@link SiteBuilder} worked out, so that the dev server's rebuild
 * after an edit redoes only what the edit changed. A body is reused when its file, text and the set of
 * topic files are the same; a body's link checks while it and the pages it links to are the same, and
 * its formulas' class names while it is the same; a topic's search terms when its document is the same,
 * and the search index's parts whose topics' terms are the same; the parsed templates while they do not
 * change; the assets when the templates and the class names the bodies use are the same; a page is
 * not laid out again when its view and everything every page shares (site settings, navigation,
 * asset names) are the same; the markdown renderer while every topic's file and page are, and the
 * sitemap while the site settings and the list of pages are.
 */
final class RenderMemo {
    private final TopicFiles loaded = new TopicFiles();
    private final Map<BodyKey, RenderedTopic> bodies = new ConcurrentHashMap<>();
    private final LinkChecker.Memo links = new LinkChecker.Memo();
    /** The class names of each body's formulas, and in how many bodies each name is. */
    private Map<RenderedTopic, Set<String>> bodyClasses = new IdentityHashMap<>();
    private final Map<String, Integer> classUses = new HashMap<>();
    private Map<RenderedTopic, Documented> documents = new IdentityHashMap<>();
    private Map<SearchDocument, SearchIndexer.TopicTerms> terms = new IdentityHashMap<>();
    private List<SearchPart> searchParts = List.of();
    private byte[] searchManifest;
    private int searchManifestTopics = -1;
    private final Map<String, LaidOut> pages = new ConcurrentHashMap<>();
    private Map<String, String> pagesByFile = Map.of();
    private MarkdownRenderer markdown;
    private MathRenderer markdownMath;
    private List<Topic> markdownTopics = List.of();
    /** The topics as of the last {@link #retain}. */
    private List<Topic> lastTopics = List.of();
    private List<Object> sitemapKey;
    private List<Topic> linkedTopics = List.of();
    private List<TopicLink> topicLinks = List.of();
    private Object shared;
    private Object assetsKey;
    private Assets assets;
    private Templates templates;
    private long templatesStamp;

    /** The topic files as last loaded, for {@link ContentLoader#load(Path, TopicFiles, org.simnotes.sitegen.content.FileChanges)}. */
    TopicFiles loaded() {
        return loaded;
    }

    /**
     * The markdown renderer for these topics: the last one while every topic's file and page are the
     * same, else a new one; bodies that resolved links against another set of topic files are forgotten.
     */
    synchronized MarkdownRenderer markdown(List<Topic> topics, MathRenderer math) {
        if (markdown == null || markdownMath != math || !sameFilesAndPages(topics, markdownTopics)) {
            Map<String, String> current = new LinkedHashMap<>();
            for (Topic t : topics) {
                current.put(t.file().getFileName().toString(), t.fileName());
            }
            if (!current.equals(pagesByFile)) {
                bodies.clear();
                pagesByFile = Map.copyOf(current);
            }
            markdown = new MarkdownRenderer(math, pagesByFile);
            markdownMath = math;
        }
        markdownTopics = topics;
        return markdown;
    }

    /** Whether each topic has the file and page of the topic at its place in {@code before} (in a rebuild most are that very topic). */
    private static boolean sameFilesAndPages(List<Topic> topics, List<Topic> before) {
        if (topics.size() != before.size()) {
            return false;
        }
        for (int i = 0; i < topics.size(); i++) {
            Topic now = topics.get(i);
            Topic last = before.get(i);
            if (now != last && !(now.file().equals(last.file()) && now.fileName().equals(last.fileName()))) {
                return false;
            }
        }
        return true;
    }

    RenderedTopic body(Topic t) {
        return bodies.get(key(t));
    }

    void keepBody(Topic t, RenderedTopic body) {
        bodies.put(key(t), body);
    }

    /** The links found clean last time, for {@link LinkChecker#check}. */
    LinkChecker.Memo links() {
        return links;
    }

    /**
     * Every class name the bodies' formulas use. Only bodies not seen last time are looked at; within
     * them each formula once (formulas recur).
     */
    Set<String> classesUsed(List<RenderedTopic> rendered) {
        Map<String, Set<String>> byFormula = new HashMap<>();
        Map<RenderedTopic, Set<String>> now = new IdentityHashMap<>();
        for (RenderedTopic body : rendered) {
            Set<String> kept = bodyClasses.remove(body);
            if (kept == null) {
                kept = new HashSet<>();
                for (String formula : body.formulas()) {
                    kept.addAll(byFormula.computeIfAbsent(formula, Assets::classesIn));
                }
                kept.forEach(c -> classUses.merge(c, 1, Integer::sum));
            }
            now.put(body, kept);
        }
        // What is left is the bodies gone since last time.
        bodyClasses.values().forEach(gone -> gone.forEach(c -> classUses.computeIfPresent(c, (k, n) -> n == 1 ? null : n - 1)));
        bodyClasses = now;
        return Set.copyOf(classUses.keySet());
    }

    /** The search documents of the topics and their bodies: each the same object as last time when both are. */
    List<SearchDocument> documents(List<Topic> topics, List<RenderedTopic> bodies) {
        Map<RenderedTopic, Documented> now = new IdentityHashMap<>();
        List<SearchDocument> out = new ArrayList<>(topics.size());
        for (int i = 0; i < topics.size(); i++) {
            Documented d = documents.get(bodies.get(i));
            if (d == null || d.topic() != topics.get(i)) {
                d = new Documented(topics.get(i), SearchDocument.of(topics.get(i), bodies.get(i)));
            }
            now.put(bodies.get(i), d);
            out.add(d.document());
        }
        documents = now;
        return out;
    }

    private record Documented(Topic topic, SearchDocument document) {
    }

    /** The assets for the templates as of {@code templatesStamp} and these class names, collected again only when either changed. */
    synchronized Assets assets(long templatesStamp, Set<String> classNames, AssetSource source) throws IOException, BuildException {
        List<Object> key = List.of(templatesStamp, classNames);
        if (!key.equals(assetsKey)) {
            assets = source.collect(classNames);
            assetsKey = key;
        }
        return assets;
    }

    /** The templates as of {@code templatesStamp}, parsed again only when they changed. */
    synchronized Templates templates(long templatesStamp, Supplier<Templates> load) {
        if (templates == null || templatesStamp != this.templatesStamp) {
            templates = load.get();
            this.templatesStamp = templatesStamp;
        }
        return templates;
    }

    /** Collects the assets for pages using some class names. */
    interface AssetSource {
        Assets collect(Set<String> classNames) throws IOException, BuildException;
    }

    /**
     * The search index files of these documents (see {@link SearchScripts}): only documents not seen
     * last time are read again, and only parts with a topic whose document changed are made again.
     */
    SearchFiles searchIndex(List<SearchDocument> documented) {
        Map<SearchDocument, SearchIndexer.TopicTerms> kept = terms;
        List<SearchIndexer.TopicTerms> found = documented.parallelStream()
                .map(d -> {
                    SearchIndexer.TopicTerms t = kept.get(d);
                    return t != null ? t : SearchIndexer.terms(d);
                })
                .toList();
        terms = new IdentityHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            terms.put(documented.get(i), found.get(i));
        }
        List<OutputFile> all = new ArrayList<>();
        List<OutputFile> fresh = new ArrayList<>();
        if (found.size() != searchManifestTopics) {
            searchManifest = SearchScripts.manifest(found.size());
            searchManifestTopics = found.size();
            fresh.add(new OutputFile(SearchScripts.MANIFEST, searchManifest));
        }
        all.add(new OutputFile(SearchScripts.MANIFEST, searchManifest));
        List<SearchPart> before = searchParts;
        searchParts = IntStream.range(0, SearchScripts.partCount(found.size())).parallel().mapToObj(p -> {
            List<SearchIndexer.TopicTerms> in = SearchScripts.part(found, p);
            SearchPart last = p < before.size() ? before.get(p) : null;
            return last != null && last.madeOf(in) ? last : new SearchPart(List.copyOf(in), SearchScripts.part(p, in));
        }).toList();
        for (int p = 0; p < searchParts.size(); p++) {
            OutputFile f = new OutputFile(SearchScripts.partName(p), searchParts.get(p).script());
            all.add(f);
            if (p >= before.size() || searchParts.get(p) != before.get(p)) {
                fresh.add(f);
            }
        }
        List<String> gone = new ArrayList<>();
        for (int p = searchParts.size(); p < before.size(); p++) {
            gone.add(SearchScripts.partName(p));
        }
        return new SearchFiles(all, fresh, gone);
    }

    /** The names of the search index files the last render made, none before the first. */
    List<String> searchFileNames() {
        List<String> names = new ArrayList<>();
        if (searchManifestTopics >= 0) {
            names.add(SearchScripts.MANIFEST);
            for (int p = 0; p < searchParts.size(); p++) {
                names.add(SearchScripts.partName(p));
            }
        }
        return names;
    }

    /**
     * Makes the search index's first part again next time, with its first topic's terms, as an edit
     * of that topic would (for {@link SiteBuilder#rehearse}).
     */
    void remakeFirstSearchPart() {
        if (!searchParts.isEmpty()) {
            terms.values().remove(searchParts.get(0).topics().get(0));
            List<SearchPart> parts = new ArrayList<>(searchParts);
            parts.set(0, null);
            searchParts = parts;
        }
    }

    /** After search files that may not all have been written: every one is made again next time. */
    void forgetSearchFiles() {
        searchParts = List.of();
        searchManifestTopics = -1;
    }

    /** A part of the search index: the topics it was made of, and its script. */
    private record SearchPart(List<SearchIndexer.TopicTerms> topics, byte[] script) {
        boolean madeOf(List<SearchIndexer.TopicTerms> now) {
            if (now.size() != topics.size()) {
                return false;
            }
            for (int i = 0; i < now.size(); i++) {
                if (now.get(i) != topics.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A link to each topic: the last one for a topic that is the one at its place last time, so that
     * comparing the navigation with the last (see {@link #shared}) finds most links the same object.
     */
    synchronized List<TopicLink> topicLinks(List<Topic> topics) {
        List<TopicLink> now = new ArrayList<>(topics.size());
        for (int i = 0; i < topics.size(); i++) {
            Topic t = topics.get(i);
            boolean same = i < linkedTopics.size() && linkedTopics.get(i) == t;
            now.add(same ? topicLinks.get(i) : TopicLink.of(t));
        }
        linkedTopics = topics;
        topicLinks = now;
        return now;
    }

    /**
     * Notes what every page shows (site, navigation, asset names, templates); returns whether it is
     * what the previous render showed, and forgets every page when it is not.
     */
    synchronized boolean shared(SiteConfig config, List<CategoryView> categories, Map<String, String> assetNames,
                                long templatesStamp) {
        List<Object> now = List.of(config, categories, assetNames, templatesStamp);
        if (now.equals(shared)) {
            return true;
        }
        pages.clear();
        shared = now;
        return false;
    }

    /** Whether the page of {@code topic} was laid out last time from these very objects. */
    boolean samePage(Topic topic, RenderedTopic body, Topic prev, Topic next) {
        LaidOut last = pages.get(topic.slug());
        return last != null && last.topic() == topic && last.body() == body && last.prev() == prev && last.next() == next;
    }

    /** Whether the page of {@code view} was laid out from an equal view last time. */
    boolean samePage(TopicView view) {
        LaidOut last = pages.get(view.slug());
        return last != null && view.equals(last.view());
    }

    void keepPage(Topic topic, RenderedTopic body, Topic prev, Topic next, TopicView view) {
        pages.put(topic.slug(), new LaidOut(topic, body, prev, next, view));
    }

    /** A topic page as laid out: the objects it was made from, and its view. */
    private record LaidOut(Topic topic, RenderedTopic body, Topic prev, Topic next, TopicView view) {
    }

    /**
     * Notes the site settings and pages a sitemap is made for; returns whether they are those of the
     * previous render's.
     */
    synchronized boolean sameSitemap(SiteConfig config, List<String> pages) {
        List<Object> now = List.of(config, pages);
        if (now.equals(sitemapKey)) {
            return true;
        }
        sitemapKey = now;
        return false;
    }

    /**
     * After a render whose files were not written: every page and the sitemap must be made again, and
     * the next {@link #retain} looks at every topic, as this render may have kept bodies of its own.
     */
    synchronized void forgetPages() {
        pages.clear();
        shared = null;
        sitemapKey = null;
        lastTopics = List.of();
    }

    /**
     * Drops what no longer exists, so the memo does not outgrow the site. When the topics are as many
     * as last time, only those that are not the topic at their place last time are looked at: file
     * names and slugs are unique, so what another topic keeps cannot be theirs.
     */
    void retain(List<Topic> current) {
        if (current.size() == lastTopics.size()) {
            List<Topic> replaced = new ArrayList<>();
            Set<BodyKey> keys = new HashSet<>();
            Set<String> slugs = new HashSet<>();
            for (int i = 0; i < current.size(); i++) {
                if (current.get(i) != lastTopics.get(i)) {
                    replaced.add(lastTopics.get(i));
                    keys.add(key(current.get(i)));
                    slugs.add(current.get(i).slug());
                }
            }
            for (Topic t : replaced) {
                if (!keys.contains(key(t))) {
                    bodies.remove(key(t));
                }
                if (!slugs.contains(t.slug())) {
                    pages.remove(t.slug());
                }
            }
        } else {
            Set<BodyKey> keys = new HashSet<>();
            Set<String> slugs = new HashSet<>();
            for (Topic t : current) {
                keys.add(key(t));
                slugs.add(t.slug());
            }
            bodies.keySet().retainAll(keys);
            pages.keySet().retainAll(slugs);
        }
        lastTopics = current;
    }

    /** What a body's HTML depends on besides the set of topic files (an unchanged topic keeps its strings, so this compares fast). */
    private record BodyKey(Path file, int bodyLine, String body) {
    }

    private static BodyKey key(Topic t) {
        return new BodyKey(t.file(), t.bodyLine(), t.body());
    }
}
