package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.search.GeneratedCorpus;
import org.simnotes.sitegen.search.SearchCorpus;
import org.simnotes.sitegen.search.SearchDocument;
import org.simnotes.sitegen.search.SearchIndex;
import org.simnotes.sitegen.search.SearchIndexer;
import org.simnotes.sitegen.search.SearchQuery;
import org.simnotes.sitegen.search.SearchScripts;

/**
 * Measures the search index and its queries for the study guide and for 1,000 topics (the guide and
 * generated ones), on the JVM and in Chromium, and checks the browser's hits equal the JVM's at that
 * size too. Its tag keeps it out of the normal test run; run it with
 * {@code mvn -B -q -pl site-gen -am test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsimnotes.excludedGroups= -Dgroups=bench}.
 * It prints the table kept in BENCHMARKS.md.
 */
@Tag("bench")
@NeedsBrowser
class SearchBenchmark {
    @TempDir
    Path dir;

    private static final List<String> QUERIES = List.of("梯度消失", "归一化", "池化", "LSTM", "dropout", "Batch Norm", "残差", "梯", "的", "norm");
    private static final int GENERATED_TOPICS = 1000;

    private record Row(String corpus, int topics, int sections, int terms, long bytes, long gzip, long pages,
                       double buildMs, double loadMs, double jsMedianMs, double jsSlowestMs,
                       double jvmMedianMs, double jvmSlowestMs) {
    }

    @Test
    void measure() throws Exception {
        Path content = TestSite.projectRoot().resolve("content");
        List<Topic> real = SearchCorpus.topics(content);
        List<Row> rows = new ArrayList<>();
        try (Browser b = new Browser()) {
            rows.add(measure(b, dir.resolve("guide"), "study guide", real, pagesBytes(TestSite.site(content))));
            rows.add(measure(b, dir.resolve("generated"), "study guide + generated", GeneratedCorpus.topics(real, GENERATED_TOPICS, 42), -1));
        }
        StringBuilder table = new StringBuilder(
                "| corpus | topics | sections | terms | index | gzip | pages (HTML) | index build | load in Chromium | query, Chromium (median / slowest) | query, JVM (median / slowest) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | %.0f ms | %.0f ms | %.2f / %.2f ms | %.2f / %.2f ms |%n",
                    r.corpus(), r.topics(), r.sections(), r.terms(), kb(r.bytes()), kb(r.gzip()), r.pages() < 0 ? "—" : kb(r.pages()),
                    r.buildMs(), r.loadMs(), r.jsMedianMs(), r.jsSlowestMs(), r.jvmMedianMs(), r.jvmSlowestMs()));
        }
        System.out.println(table);
        Files.writeString(TestSite.projectRoot().resolve("site-gen/target/search-benchmark.md"), table);

        Row guide = rows.get(0);
        Row big = rows.get(1);
        assertTrue(guide.bytes() * 2 < guide.pages(), "the guide's index stays under half its pages");
        assertTrue(big.jsSlowestMs() < 100, "a query over 1,000 topics answers while the learner types: " + big.jsSlowestMs() + " ms");
    }

    private static Row measure(Browser b, Path dir, String name, List<Topic> topics, long pages) throws Exception {
        List<SearchDocument> docs = SearchCorpus.documents(topics);
        double[] build = new double[5];
        Map<String, byte[]> files = null;
        SearchIndex index = null;
        for (int i = -2; i < build.length; i++) {
            long t0 = System.nanoTime();
            List<SearchIndexer.TopicTerms> terms = docs.parallelStream().map(SearchIndexer::terms).toList();
            files = SearchCorpus.indexFiles(terms);
            if (i >= 0) {
                build[i] = (System.nanoTime() - t0) / 1e6;
            }
            index = SearchIndexer.merge(terms);
        }
        long bytes = 0;
        long gzipped = 0;
        for (byte[] f : files.values()) {
            bytes += f.length;
            gzipped += gzip(f);
        }

        double[] jvm = new double[QUERIES.size()];
        for (int q = 0; q < QUERIES.size(); q++) {
            jvm[q] = jvmMedian(index, QUERIES.get(q));
        }

        double load = SearchIndexPage.load(b, dir, files);
        double[] js = new double[QUERIES.size()];
        for (int q = 0; q < QUERIES.size(); q++) {
            js[q] = ((Number) b.js("var q = arguments[0], batches = [];"
                    + "for (var w = 0; w < 5; w++) SimNotesSearch.search(window.index, q);"
                    + "for (var k = 0; k < 7; k++) { var t0 = performance.now();"
                    + "  for (var r = 0; r < 10; r++) SimNotesSearch.search(window.index, q);"
                    + "  batches.push((performance.now() - t0) / 10); }"
                    + "batches.sort(function (a, c) { return a - c; }); return batches[3];", QUERIES.get(q))).doubleValue();
            @SuppressWarnings("unchecked")
            List<List<Long>> hits = (List<List<Long>>) b.js("return SimNotesSearch.search(window.index, arguments[0])"
                    + ".map(function (h) { return [h.doc, h.section, h.score]; });", QUERIES.get(q));
            SearchIndex idx = index;
            assertEquals(SearchQuery.run(idx, QUERIES.get(q)).stream()
                    .map(h -> List.of((long) h.doc(), (long) h.section(), h.score())).toList(), hits, name + ": hits of " + QUERIES.get(q));
        }
        return new Row(name, index.docs().size(), index.sections().size(), index.terms().size(), bytes, gzipped, pages,
                median(build), load, median(js), max(js), median(jvm), max(jvm));
    }

    private static double jvmMedian(SearchIndex index, String query) {
        for (int i = 0; i < 50; i++) {
            SearchQuery.run(index, query);
        }
        double[] t = new double[51];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            SearchQuery.run(index, query);
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return median(t);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.size();
    }

    private static long pagesBytes(Path site) throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            long sum = 0;
            for (Path p : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                sum += Files.size(p);
            }
            return sum;
        }
    }

    private static String kb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
}
