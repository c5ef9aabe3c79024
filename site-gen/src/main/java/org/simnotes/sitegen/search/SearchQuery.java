package org.simnotes.sitegen.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a query against a {@link SearchIndex}: a topic matches when it holds every query term (whole,
 * or as a word's prefix); topics are ordered by score, then reading order, and each names its
 * best-matching section (the head only when no section matched). {@code search-core.js} (beside this class in the jar)
 * runs the same steps in the browser; a browser test holds the two to the same hits.
 */
public final class SearchQuery {

    private SearchQuery() {
    }

    public static List<SearchHit> run(SearchIndex index, String query) {
        List<String> terms = Segmenter.queryTerms(query);
        int docCount = index.docs().size();
        long[] docScore = new long[docCount];
        int[] docTerms = new int[docCount];
        long[] sectionScore = new long[index.sections().size()];
        Ranking rank = index.ranking();
        for (String term : terms) {
            long[] bestInDoc = new long[docCount];
            long[] bestInSection = new long[sectionScore.length];
            for (SearchIndex.Match m : index.matches(term)) {
                long weight = (long) index.idf(m.term()) * (m.exact() ? rank.exact() : 1);
                int[] p = index.postings().get(m.term());
                int i = 0;
                while (i < p.length) {
                    int doc = index.sections().get(p[i]).doc();
                    int flags = 0;
                    int count = 0;
                    for (; i < p.length && index.sections().get(p[i]).doc() == doc; i += 3) {
                        flags |= p[i + 1];
                        count += p[i + 2];
                        long s = weight * (rank.fieldWeight(p[i + 1]) + Math.min(p[i + 2], rank.bodyCap()));
                        bestInSection[p[i]] = Math.max(bestInSection[p[i]], s);
                    }
                    long d = weight * (rank.fieldWeight(flags) + Math.min(count, rank.bodyCap()));
                    bestInDoc[doc] = Math.max(bestInDoc[doc], d);
                }
            }
            for (int d = 0; d < docCount; d++) {
                if (bestInDoc[d] > 0) {
                    docScore[d] += bestInDoc[d];
                    docTerms[d]++;
                }
            }
            for (int s = 0; s < sectionScore.length; s++) {
                sectionScore[s] += bestInSection[s];
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        for (int d = 0; d < docCount; d++) {
            if (!terms.isEmpty() && docTerms[d] == terms.size()) {
                hits.add(new SearchHit(d, bestSection(index, d, sectionScore), docScore[d]));
            }
        }
        hits.sort(Comparator.comparingLong(SearchHit::score).reversed().thenComparingInt(SearchHit::doc));
        return hits;
    }

    private static int bestSection(SearchIndex index, int doc, long[] sectionScore) {
        int head = index.docs().get(doc).firstSection();
        int best = head;
        for (int s = head + 1; s < index.sectionsEnd(doc); s++) {
            if (sectionScore[s] > sectionScore[best] || (best == head && sectionScore[s] > 0)) {
                best = s;
            }
        }
        return best;
    }
}
