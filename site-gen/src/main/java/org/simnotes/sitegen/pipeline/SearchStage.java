package org.simnotes.sitegen.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.simnotes.sitegen.digest.ValueDigest;
import org.simnotes.sitegen.output.OutputFile;
import org.simnotes.sitegen.output.SiteOutput;
import org.simnotes.sitegen.search.SearchDocument;
import org.simnotes.sitegen.search.SearchIndexer;
import org.simnotes.sitegen.search.SearchScripts;

/**
 * The search stage: the search index files of the topics' documents (see {@link SearchScripts}). A
 * topic's terms are made again only when its document changed, a part only when its documents did,
 * and the manifest only when the number of topics did.
 */
final class SearchStage {
    /** A part as made: its topics' documents and its script (its place is its place in {@link #parts}). */
    private record Part(List<SearchDocument> documents, byte[] script) {
    }

    private Map<SearchDocument, SearchIndexer.TopicTerms> terms = Map.of();
    private List<Part> parts = List.of();
    private int manifestTopics = -1;
    private byte[] manifest;

    /**
     * The terms a {@link Reuse} keeps from one build for the next: those of the documents of the parts the
     * last build made, when it made at most {@value #MOST_PARTS} (an edit's build; a whole index would be
     * held while the process waits).
     */
    static final class KeptTerms {
        private static final int MOST_PARTS = 2;
        private volatile Map<SearchDocument, SearchIndexer.TopicTerms> terms = Map.of();
    }

    /** The terms of {@code d}, taken from {@code last} when it holds them, and put in {@code now} (null: kept nowhere). */
    private static SearchIndexer.TopicTerms terms(SearchDocument d, Map<SearchDocument, SearchIndexer.TopicTerms> last,
                                                  Map<SearchDocument, SearchIndexer.TopicTerms> now) {
        SearchIndexer.TopicTerms t = last.get(d);
        t = t != null ? t : SearchIndexer.terms(d);
        if (now != null) {
            now.put(d, t);
        }
        return t;
    }

    /** The manifest first, then the parts in order. */
    List<OutputFile> files(List<SearchDocument> documents) {
        Map<SearchDocument, SearchIndexer.TopicTerms> last = terms;
        Map<SearchDocument, SearchIndexer.TopicTerms> now = new ConcurrentHashMap<>();
        List<SearchIndexer.TopicTerms> found = documents.parallelStream().map(d -> terms(d, last, now)).toList();
        terms = now;
        if (documents.size() != manifestTopics) {
            manifest = SearchScripts.manifest(documents.size());
            manifestTopics = documents.size();
        }
        List<Part> before = parts;
        parts = IntStream.range(0, SearchScripts.partCount(documents.size())).parallel().mapToObj(p -> {
            List<SearchDocument> in = List.copyOf(SearchScripts.part(documents, p));
            Part kept = p < before.size() ? before.get(p) : null;
            return kept != null && kept.documents().equals(in) ? kept
                    : new Part(in, SearchScripts.part(p, SearchScripts.part(found, p)));
        }).toList();
        List<OutputFile> files = new ArrayList<>();
        files.add(new OutputFile(SearchScripts.MANIFEST, manifest));
        for (int p = 0; p < parts.size(); p++) {
            files.add(new OutputFile(SearchScripts.partName(p), parts.get(p).script()));
        }
        return files;
    }

    /**
     * For a build that may keep the last build's files in {@code out}: adds the manifest and each part whose
     * documents' digest is not the one {@code before} gives for its file; keeps the others. {@code identities}
     * are the bodies' in the cache folder, in the documents' order ({@link BodyStage#identities}). Returns each
     * part file's digest, for the next build's {@code before}, and the files it made. Takes terms from
     * {@code kept}, and leaves there those of the parts it made (null: none kept).
     */
    Made write(List<SearchDocument> documents, List<String> identities, SiteOutput out, Map<String, String> before,
               KeptTerms kept) throws IOException {
        OutputFile manifest = new OutputFile(SearchScripts.MANIFEST, SearchScripts.manifest(documents.size()));
        out.add(manifest);
        Map<String, String> keys = new ConcurrentHashMap<>();
        List<Integer> toMake = IntStream.range(0, SearchScripts.partCount(documents.size())).parallel().filter(p -> {
            String name = SearchScripts.partName(p);
            String key = key(SearchScripts.part(documents, p), SearchScripts.part(identities, p));
            keys.put(name, key);
            if (key.equals(before.get(name)) && out.has(name)) {
                out.keep(name);
                return false;
            }
            return true;
        }).boxed().toList();
        Map<SearchDocument, SearchIndexer.TopicTerms> last = kept == null ? Map.of() : kept.terms;
        // Only the terms a build will keep are gathered: a whole index's would be held until its last part is made.
        Map<SearchDocument, SearchIndexer.TopicTerms> now = kept != null && toMake.size() <= KeptTerms.MOST_PARTS
                ? new ConcurrentHashMap<>() : null;
        List<OutputFile> parts = toMake.parallelStream().map(p -> new OutputFile(SearchScripts.partName(p),
                SearchScripts.part(p, SearchScripts.part(documents, p).stream().map(d -> terms(d, last, now)).toList()))).toList();
        if (kept != null) {
            kept.terms = now == null ? Map.of() : Map.copyOf(now);
        }
        List<OutputFile> made = new ArrayList<>(List.of(manifest));
        for (OutputFile f : parts) {
            out.add(f);
            made.add(f);
        }
        return new Made(Map.copyOf(keys), made);
    }

    /**
     * What a part is made from: its documents, each one's sections taken by its body's identity in the cache
     * folder (they are made from the same markdown) when every body has one.
     */
    private static String key(List<SearchDocument> documents, List<String> identities) {
        if (identities.size() != documents.size() || identities.contains(null)) {
            return ValueDigest.of(documents);
        }
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            SearchDocument d = documents.get(i);
            parts.add(List.of(d.href(), d.title(), d.summary(), d.tags(), identities.get(i)));
        }
        return ValueDigest.of(parts);
    }

    /** What {@link #write} made: each part file's key and the files it added. */
    record Made(Map<String, String> partKeys, List<OutputFile> files) {
    }
}
