package org.simnotes.sitegen.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.markdown.TopicSection;

/** After an edit to one topic, the dev server's updated index is the index a fresh build makes. */
class SearchIndexUpdateTest {
    private static List<SearchDocument> documents;
    private static List<SearchIndexer.TopicTerms> guide;

    @BeforeAll
    static void load() throws Exception {
        documents = SearchCorpus.documents(ContentLoader.load(TestSite.projectRoot().resolve("content")).topics());
        guide = documents.stream().map(SearchIndexer::terms).toList();
    }

    private static SearchIndexer.TopicTerms edited(int topic, UnaryOperator<SearchDocument> edit) {
        return SearchIndexer.terms(edit.apply(documents.get(topic)));
    }

    private static List<SearchIndexer.TopicTerms> with(List<SearchIndexer.TopicTerms> topics, int at, SearchIndexer.TopicTerms t) {
        List<SearchIndexer.TopicTerms> out = new ArrayList<>(topics);
        out.set(at, t);
        return out;
    }

    private static void assertSameIndex(SearchIndex expected, SearchIndex actual) {
        assertEquals(expected.docs(), actual.docs());
        assertEquals(expected.sections(), actual.sections());
        assertEquals(expected.terms(), actual.terms());
        for (int i = 0; i < expected.terms().size(); i++) {
            assertArrayEquals(expected.postings().get(i), actual.postings().get(i), "postings of " + expected.terms().get(i));
        }
        assertArrayEquals(expected.idfByDocs(), actual.idfByDocs());
        assertArrayEquals(expected.toScript(), actual.toScript());
    }

    @Test
    void anEditedTopicGivesTheIndexOfAFreshBuild() {
        List<UnaryOperator<SearchDocument>> edits = List.of(
                d -> new SearchDocument(d.href(), d.title() + "（修订）", d.summary(), d.tags(), d.sections().stream()
                        .map(s -> new TopicSection(s.id(), s.heading(), s.text() + " 新增词条 Zyxwvut")).toList()),
                d -> {
                    List<TopicSection> more = new ArrayList<>(d.sections());
                    more.add(1, new TopicSection("extra", "补充小节", "梯度裁剪 GradientClipping 的补充说明"));
                    return new SearchDocument(d.href(), d.title(), d.summary(), d.tags(), more);
                },
                d -> new SearchDocument(d.href(), d.title(), "", List.of(), d.sections().subList(0, 1)));
        for (int topic : new int[] {0, guide.size() / 2, guide.size() - 1}) {
            List<SearchIndexer.TopicTerms> before = guide;
            SearchIndex index = SearchIndexer.merge(before);
            for (UnaryOperator<SearchDocument> edit : edits) {
                List<SearchIndexer.TopicTerms> after = with(before, topic, edited(topic, edit));
                SearchIndex fresh = SearchIndexer.merge(after);
                SearchIndex updated = SearchIndexer.update(index, before, after);
                assertSameIndex(fresh, updated);
                before = after;
                index = updated;
            }
        }
    }

    @Test
    void theEditsCoverTermsComingAndGoing() {
        SearchIndex whole = SearchIndexer.merge(guide);
        SearchIndex cut = SearchIndexer.merge(with(guide, 0, edited(0, d -> new SearchDocument(d.href(), d.title(), "", List.of(), List.of()))));
        assertTrue(whole.terms().stream().anyMatch(t -> !cut.terms().contains(t)), "a term only the cut sections held is gone");
        SearchIndex grown = SearchIndexer.merge(with(guide, 0, edited(0, d -> new SearchDocument(d.href(), d.title(), "", List.of(),
                List.of(new TopicSection("", "", "Zyxwvut"))))));
        assertTrue(grown.terms().contains("zyxwvut") && !whole.terms().contains("zyxwvut"), "a new term comes");
    }

    @Test
    void nothingChangedKeepsTheIndexAndTwoChangesMergeAgain() {
        SearchIndex index = SearchIndexer.merge(guide);
        assertSame(index, SearchIndexer.update(index, guide, guide));
        List<SearchIndexer.TopicTerms> two = with(with(guide, 1, edited(1, d -> d)), 2, edited(2, d -> d));
        assertSameIndex(SearchIndexer.merge(two), SearchIndexer.update(index, guide, two));
    }
}
