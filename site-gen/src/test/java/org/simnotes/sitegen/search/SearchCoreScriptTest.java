package org.simnotes.sitegen.search;


import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.Topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The search box's script (search-core.js) gives the JVM's tokens, query terms and hits, run in GraalJS
 * so the check holds on any machine; the browser tests repeat it in Chromium.
 */
class SearchCoreScriptTest {
    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** A context holding search-core.js and the index {@code files}, put together as search.js does. */
    private static Context load(Map<String, byte[]> files) throws IOException {
        Context js = Context.newBuilder("js").engine(engine).build();
        js.eval("js", "var window = globalThis;");
        try (InputStream core = SearchCoreScriptTest.class.getResourceAsStream(SearchScripts.CORE_SCRIPT)) {
            js.eval("js", new String(core.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (byte[] script : files.values()) {
            js.eval("js", new String(script, StandardCharsets.UTF_8));
        }
        js.eval("js", "window.index = SimNotesSearch.combine(SIMNOTES_SEARCH, SIMNOTES_SEARCH_PARTS);");
        return js;
    }

    private static List<SearchIndexer.TopicTerms> terms(List<Topic> topics) {
        return SearchCorpus.documents(topics).stream().map(SearchIndexer::terms).toList();
    }

    @Test
    void theScriptSegmentsAndRanksExactlyAsTheJvm() throws Exception {
        List<SearchIndexer.TopicTerms> terms = terms(SearchCorpus.topics(TestSite.course()));
        SearchIndex index = SearchIndexer.merge(terms);
        List<String> texts = new ArrayList<>(SearchCorpus.edgeTexts());
        index.docs().forEach(d -> texts.add(d.title()));
        index.sections().forEach(s -> {
            texts.add(s.heading());
            texts.add(s.text());
        });
        try (Context js = load(SearchCorpus.indexFiles(terms))) {
            Value tokens = js.eval("js", "t => SimNotesSearch.tokens(t).map(k => [k.term, k.start, k.end])");
            Value queryTerms = js.eval("js", "q => SimNotesSearch.queryTerms(q)");
            for (String text : texts) {
                List<Object> java = Segmenter.tokens(text).stream()
                        .map(t -> (Object) List.<Object>of(t.term(), (long) t.start(), (long) t.end())).toList();
                assertEquals(java, list(tokens.execute(text)), "tokens of: " + text);
                assertEquals(Segmenter.queryTerms(text), list(queryTerms.execute(text)), "query terms of: " + text);
            }
            assertFalse(((List<?>) assertSameHits(js, index, SearchCorpus.queries()).get(0)).isEmpty(), "the first query finds topics");
        }
    }

    /** Several index parts put together rank as the index the JVM makes of all the topics at once. */
    @Test
    void anIndexInPartsRanksAsTheWholeIndex() throws Exception {
        List<Topic> topics = GeneratedCorpus.topics(SearchCorpus.topics(TestSite.course()), 2 * SearchScripts.TOPICS_PER_PART + 34, 7);
        List<SearchIndexer.TopicTerms> terms = terms(topics);
        SearchIndex whole = SearchIndexer.merge(terms);
        List<String> queries = new ArrayList<>(SearchCorpus.queries());
        queries.add(topics.get(SearchScripts.TOPICS_PER_PART + 20).title());
        queries.add(topics.get(2 * SearchScripts.TOPICS_PER_PART + 20).title());
        try (Context js = load(SearchCorpus.indexFiles(terms))) {
            assertEquals(List.of((long) whole.docs().size(), (long) whole.sections().size()),
                    list(js.eval("js", "[index.docs.length, index.sections.length]")));
            List<Object> hits = assertSameHits(js, whole, queries);
            assertFalse(((List<?>) hits.get(queries.size() - 1)).isEmpty(), "a title in the last part is found");
        }
    }

    /** Runs each query in the script and asserts its hits, [doc, section, score] each, are the JVM's. */
    private static List<Object> assertSameHits(Context js, SearchIndex index, List<String> queries) {
        Value search = js.eval("js", "q => SimNotesSearch.search(window.index, q).map(h => [h.doc, h.section, h.score])");
        List<Object> all = new ArrayList<>();
        for (String q : queries) {
            List<Object> java = SearchQuery.run(index, q).stream()
                    .map(h -> (Object) List.<Object>of((long) h.doc(), (long) h.section(), h.score())).toList();
            List<Object> script = list(search.execute(q));
            assertEquals(java, script, "hits of: " + q);
            all.add(script);
        }
        return all;
    }

    /** A script's array as Java lists, strings and longs, to compare with the JVM's. */
    private static List<Object> list(Value array) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < array.getArraySize(); i++) {
            Value v = array.getArrayElement(i);
            out.add(v.hasArrayElements() ? list(v) : v.isString() ? v.asString() : (Object) v.asLong());
        }
        return out;
    }
}
