package org.simnotes.sitegen.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The search index as a site ships it: a manifest, {@value #MANIFEST} (see
 * {@link SearchIndex#manifest}), and one part for each {@value #TOPICS_PER_PART} topics in reading
 * order, each the index of its topics alone ({@link SearchIndex#toPart}). The browser puts the parts
 * together ({@code combine} in search-core.js) into the index {@link SearchIndexer#merge} makes of
 * all the topics. An edit to one topic changes one part, and the manifest only when the number of
 * topics changes, so the dev server writes a large course's index in proportion to the edit.
 */
public final class SearchScripts {
    /** The manifest's file name, fixed, so an edit changes no page: templates load it as {@code assets['search-index.js']}. */
    public static final String MANIFEST = "search-index.js";
    public static final int TOPICS_PER_PART = 100;
    /** The browser's reader of these files, shipped in the generator's jar beside this class. */
    public static final String CORE_SCRIPT = "/org/simnotes/sitegen/search/search-core.js";

    private SearchScripts() {
    }

    public static int partCount(int topics) {
        return Math.max(1, (topics + TOPICS_PER_PART - 1) / TOPICS_PER_PART);
    }

    /** The topics of part {@code part}. */
    public static <T> List<T> part(List<T> topics, int part) {
        return topics.subList(part * TOPICS_PER_PART, Math.min(topics.size(), (part + 1) * TOPICS_PER_PART));
    }

    public static String partName(int part) {
        return "search-index-" + part + ".js";
    }

    public static byte[] manifest(int topics) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < partCount(topics); p++) {
            names.add(partName(p));
        }
        return SearchIndex.manifest(Ranking.DEFAULT, SearchIndexer.idfByDocs(topics), names);
    }

    /** Part {@code part}'s script, of its topics' terms. */
    public static byte[] part(int part, List<SearchIndexer.TopicTerms> topics) {
        return SearchIndexer.merge(topics).toPart(part);
    }
}
