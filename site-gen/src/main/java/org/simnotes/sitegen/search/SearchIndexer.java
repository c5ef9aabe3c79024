package org.simnotes.sitegen.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simnotes.sitegen.markdown.TopicSection;

/**
 * Builds the {@link SearchIndex} of topics, in reading order. Indexing is two steps: finding each
 * topic's terms ({@link #terms}, which depends on that topic alone, so a rebuild after an edit can
 * keep the other topics' results) and merging them into postings ({@link #merge}).
 */
public final class SearchIndexer {
    private SearchIndexer() {
    }

    /** One topic's sections, each with its terms: term to {flags, count}. */
    public record TopicTerms(String href, String title, List<SectionTerms> sections) {
    }

    /**
     * A section's anchor, heading and text, and the terms in it with their flags and counts (arrays,
     * not maps: a large course has millions of them; the term strings are interned, since the same
     * words recur in every topic).
     */
    public record SectionTerms(String anchor, String heading, String text, String[] terms, int[] flags, int[] counts) {
        static SectionTerms of(String anchor, String heading, String text, Map<String, int[]> found) {
            String[] terms = new String[found.size()];
            int[] flags = new int[terms.length];
            int[] counts = new int[terms.length];
            int i = 0;
            // Counts past the body cap rank the same (see Ranking), so they are capped to keep the index small.
            int cap = Ranking.DEFAULT.bodyCap();
            for (Map.Entry<String, int[]> e : found.entrySet()) {
                terms[i] = e.getKey().intern();
                flags[i] = e.getValue()[0];
                counts[i++] = Math.min(e.getValue()[1], cap);
            }
            return new SectionTerms(anchor, heading, text, terms, flags, counts);
        }
    }

    public static SearchIndex index(List<SearchDocument> documents) {
        return merge(documents.stream().map(SearchIndexer::terms).toList());
    }

    /** The index of topics whose terms were found by {@link #terms}. */
    public static SearchIndex merge(List<TopicTerms> topics) {
        List<SearchIndex.Doc> docs = new ArrayList<>(topics.size());
        List<SearchIndex.Section> sections = new ArrayList<>();
        Map<String, Postings> terms = new HashMap<>();
        for (TopicTerms t : topics) {
            int doc = docs.size();
            docs.add(new SearchIndex.Doc(t.href(), t.title(), sections.size()));
            for (SectionTerms s : t.sections()) {
                int id = sections.size();
                sections.add(new SearchIndex.Section(doc, s.anchor(), s.heading(), s.text()));
                for (int i = 0; i < s.terms().length; i++) {
                    terms.computeIfAbsent(s.terms()[i], k -> new Postings()).add(id, s.flags()[i], s.counts()[i]);
                }
            }
        }
        String[] sorted = terms.keySet().toArray(String[]::new);
        Arrays.sort(sorted);
        List<int[]> postings = Arrays.stream(sorted).map(term -> terms.get(term).toArray()).toList();
        return new SearchIndex(List.copyOf(docs), List.copyOf(sections), List.of(sorted), postings, idfByDocs(topics.size()),
                Ranking.DEFAULT);
    }

    /** A term's idf by the number of topics n holding it, at {@code [n - 1]}, in a site of {@code topics} topics. */
    static int[] idfByDocs(int topics) {
        // Whole numbers, so the browser's ranking is the JVM's to the last digit.
        int[] idf = new int[Math.max(1, topics)];
        for (int n = 1; n <= idf.length; n++) {
            idf[n - 1] = (int) Math.max(1, Math.round(100 * Math.log(1 + (double) topics / n)));
        }
        return idf;
    }

    /** The terms of one topic: its head (title, tags, summary, lead text), then each section. */
    public static TopicTerms terms(SearchDocument d) {
        List<SectionTerms> out = new ArrayList<>();
        List<TopicSection> parts = d.sections();
        boolean hasLead = !parts.isEmpty() && parts.get(0).heading().isEmpty();
        String head = hasLead ? (d.summary() + " " + parts.get(0).text()).strip() : d.summary();
        Map<String, int[]> found = new LinkedHashMap<>();
        mark(found, d.title(), SearchIndex.TITLE);
        for (String tag : d.tags()) {
            mark(found, tag, SearchIndex.TAG);
        }
        count(found, head);
        out.add(SectionTerms.of("", "", head, found));
        for (TopicSection s : hasLead ? parts.subList(1, parts.size()) : parts) {
            found = new LinkedHashMap<>();
            mark(found, s.heading(), SearchIndex.HEADING);
            count(found, s.text());
            out.add(SectionTerms.of(s.id(), s.heading(), s.text(), found));
        }
        return new TopicTerms(d.href(), d.title(), List.copyOf(out));
    }

    /** Per term: {flags, count}. */
    private static void mark(Map<String, int[]> found, String text, int flag) {
        for (Segmenter.Token t : Segmenter.tokens(text)) {
            found.computeIfAbsent(t.term(), k -> new int[2])[0] |= flag;
        }
    }

    private static void count(Map<String, int[]> found, String text) {
        for (Segmenter.Token t : Segmenter.tokens(text)) {
            found.computeIfAbsent(t.term(), k -> new int[2])[1]++;
        }
    }

    private static final class Postings {
        int[] triples = new int[6];
        int size;

        void add(int section, int flags, int count) {
            if (size + 3 > triples.length) {
                triples = Arrays.copyOf(triples, triples.length * 2);
            }
            triples[size++] = section;
            triples[size++] = flags;
            triples[size++] = count;
        }

        int[] toArray() {
            return Arrays.copyOf(triples, size);
        }
    }
}
