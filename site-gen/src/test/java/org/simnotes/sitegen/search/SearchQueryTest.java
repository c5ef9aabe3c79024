package org.simnotes.sitegen.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simnotes.sitegen.markdown.TopicSection;

/** What a learner gets for a query over the fixture course, and how the ranking orders what matched. */
class SearchQueryTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "梯度消失, gradient-vanishing.html",
        "归一化, batchnorm-vs-layernorm.html",
        "池化, pooling.html",
        "LSTM, lstm-gru.html",
        "dropout, dropout.html",
        "Batch Norm, batchnorm-vs-layernorm.html",
        "残差, residual-connection.html",
        "ＬＳＴＭ, lstm-gru.html",
        "drop, dropout.html",
        "平移不变性, pooling.html",
        "门控 梯度消失, lstm-gru.html",
    })
    void theTopicAboutTheQueryComesFirst(String query, String page) {
        List<String> pages = SearchCorpus.pages(SearchCorpus.course(), query);
        assertTrue(!pages.isEmpty(), query + " finds something");
        assertEquals(page, pages.get(0), query + " ranks " + pages);
    }

    @Test
    void aWordFoundInSeveralTopicsListsEachOnceAndPartialWordsMatch() {
        SearchIndex index = SearchCorpus.course();
        List<String> pages = SearchCorpus.pages(index, "梯度消失");
        assertEquals(pages.stream().distinct().toList(), pages);
        assertTrue(pages.containsAll(List.of("residual-connection.html", "rnn.html", "lstm-gru.html")), pages.toString());
        List<String> partial = SearchCorpus.pages(index, "梯度");
        assertTrue(partial.containsAll(pages), "梯度 also finds every topic 梯度消失 finds: " + partial);
    }

    @Test
    void oneChineseCharacterFindsTheWordsHoldingIt() {
        SearchIndex index = SearchCorpus.course();
        assertEquals("pooling.html", SearchCorpus.pages(index, "池").get(0), "池 starts 池化");
        assertEquals(List.of("gradient-vanishing.html"), SearchCorpus.pages(index, "滞"), "滞 ends 停滞");
        assertEquals(List.of("dropout.html"), SearchCorpus.pages(index, "偿"), "偿 ends 补偿");
        assertTrue(SearchCorpus.pages(index, "和").contains("lstm-gru.html"), "和 stands alone in LSTM和GRU");
    }

    @Test
    void aQueryWithNoHitFindsNothing() {
        SearchIndex index = SearchCorpus.course();
        assertEquals(List.of(), SearchQuery.run(index, "量子计算"));
        assertEquals(List.of(), SearchQuery.run(index, "LSTM 量子"), "every term must match");
        assertEquals(List.of(), SearchQuery.run(index, "？！"));
    }

    @Test
    void eachHitLinksToTheSectionThatMatchedBest() {
        SearchIndex index = SearchCorpus.course();
        SearchHit hit = SearchQuery.run(index, "梯度消失").get(0);
        assertEquals("1-梯度消失的原因", index.sections().get(hit.section()).anchor(), "the section whose heading names it");
        SearchHit crossExam = SearchQuery.run(index, "池化和卷积的区别").get(0);
        assertEquals("pooling.html", index.docs().get(crossExam.doc()).href());
        assertEquals("如果面试官追问池化和卷积的区别", index.sections().get(crossExam.section()).anchor());
    }

    private static SearchDocument doc(String href, String title, List<String> tags, String heading, String text) {
        return new SearchDocument(href, title, "", tags, List.of(new TopicSection(href + "-s", heading, text)));
    }

    @Test
    void aTitleHitOutranksAHeadingHitWhichOutranksManyBodyHits() {
        SearchIndex index = SearchIndexer.index(List.of(
                doc("body.html", "其他", List.of(), "小节", "卷积 卷积 卷积 卷积 卷积 卷积 卷积 卷积 卷积 卷积"),
                doc("heading.html", "其他", List.of(), "卷积层", "正文"),
                doc("tag.html", "其他", List.of("卷积"), "小节", "正文"),
                doc("title.html", "卷积是什么", List.of(), "小节", "正文")));
        assertEquals(List.of("title.html", "tag.html", "heading.html", "body.html"), SearchCorpus.pages(index, "卷积"));
    }

    @Test
    void aWholeWordOutranksALongerWordItBegins() {
        SearchIndex index = SearchIndexer.index(List.of(
                doc("longer.html", "其他", List.of(), "小节", "normalization"),
                doc("whole.html", "其他", List.of(), "小节", "norm")));
        assertEquals(List.of("whole.html", "longer.html"), SearchCorpus.pages(index, "norm"));
    }
}
