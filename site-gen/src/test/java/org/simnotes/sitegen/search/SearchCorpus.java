package org.simnotes.sitegen.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.ContentLoader;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.markdown.MarkdownRenderer;
import org.simnotes.sitegen.markdown.MarkdownSource;
import org.simnotes.sitegen.math.MathRenderer;

/** Topics rendered as the build renders them, turned into search documents. */
public final class SearchCorpus {
    private static SearchIndex course;

    private SearchCorpus() {
    }

    /** The fixture course's topics, indexed once per test run. */
    public static synchronized SearchIndex course() {
        if (course == null) {
            course = SearchIndexer.index(documents(topics(TestSite.course())));
        }
        return course;
    }

    /** The topics of the course in {@code content}. */
    public static List<Topic> topics(Path content) {
        try {
            return ContentLoader.load(content).topics();
        } catch (BuildException e) {
            throw new AssertionError(content + " must load: " + e.getMessage(), e);
        }
    }

    public static List<SearchDocument> documents(List<Topic> topics) {
        try (MathRenderer math = MathRenderer.open(TestSite.mathCache())) {
            Map<String, String> pagesByFile = new LinkedHashMap<>();
            for (Topic t : topics) {
                pagesByFile.put(t.file().getFileName().toString(), t.fileName());
            }
            MarkdownRenderer markdown = new MarkdownRenderer(math, pagesByFile);
            Problems problems = new Problems();
            List<SearchDocument> docs = topics.parallelStream().map(t -> SearchDocument.of(t, markdown.render(MarkdownSource.of(t), problems))).toList();
            problems.throwIfAny();
            math.saveCache();
            return docs;
        } catch (BuildException e) {
            throw new AssertionError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the search index of {@code topics} as a site ships it, by name, the manifest first. */
    public static Map<String, byte[]> indexFiles(List<SearchIndexer.TopicTerms> topics) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(SearchScripts.MANIFEST, SearchScripts.manifest(topics.size()));
        for (int p = 0; p < SearchScripts.partCount(topics.size()); p++) {
            out.put(SearchScripts.partName(p), SearchScripts.part(p, SearchScripts.part(topics, p)));
        }
        return out;
    }

    /** Texts that test the segmenter's edges: full-width and compatibility forms, case, scripts, astral characters. */
    public static List<String> edgeTexts() {
        return List.of("ＢａｔｃｈＮｏｒｍ（ＬＳＴＭ）２", "ΣΊΣΥΦΟΣ ΟΔΟΣ", "İstanbul ǅemal", "𠀀𠀁abc𠀂", "ﬁle ①② Ⅻ ㎏ x² ﾃｽﾄ",
                "cafe\u0301 café", "한국어 日本語です", "ReLU、GELU和Word2Vec", "  ，。！？ ", "\u3000全角\u3000空格");
    }

    /** Queries a learner types, whole words, prefixes, single characters and misses. */
    public static List<String> queries() {
        return List.of("梯度消失", "归一化", "池化", "LSTM", "dropout", "Batch Norm", "残差", "量子计算",
                "梯度", "池", "滞", "和", "drop", "norm", "s", "的", "BatchNorm 区别", "ＬＳＴＭ", "Transformer 并行", "平移不变性", "？");
    }

    /** The page of each hit, best first. */
    public static List<String> pages(SearchIndex index, String query) {
        return SearchQuery.run(index, query).stream().map(h -> index.docs().get(h.doc()).href()).toList();
    }
}
