package org.simnotes.sitegen.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.simnotes.sitegen.search.Segmenter.Token;

/** How text becomes terms: what makes a Chinese word, a partial word or a differently typed word match. */
class SegmenterTest {

    private static List<String> terms(String text) {
        return Segmenter.tokens(text).stream().map(Token::term).toList();
    }

    @Test
    void chineseGivesEveryAdjacentPairAndALoneCharacterItself() {
        assertEquals(List.of("梯度", "度消", "消失"), terms("梯度消失"));
        assertEquals(List.of(new Token("度消", 1, 3)), Segmenter.tokens("梯度消失").stream().filter(t -> t.term().equals("度消")).toList());
        assertEquals(List.of("lstm", "和", "gru"), terms("LSTM和GRU"));
        assertEquals(List.of("池化", "cnn", "中的"), terms("池化（CNN）中的"));
    }

    @Test
    void latinWordsAreCaseFoldedAndCamelCaseAlsoGivesItsParts() {
        assertEquals(List.of("batchnorm", "batch", "norm"), terms("BatchNorm"));
        assertEquals(List.of(new Token("batchnorm", 0, 9), new Token("batch", 0, 5), new Token("norm", 5, 9)),
                Segmenter.tokens("BatchNorm"));
        assertEquals(List.of("dropout"), terms("DROPOUT"));
        assertEquals(List.of("gpu", "tpu", "word2vec", "encoder", "decoder"), terms("GPU/TPU Word2Vec Encoder-Decoder"));
    }

    @Test
    void eachAsciiCharacterAndCjkIdeographIsATermAsItsUnicodeScriptAndCategorySay() {
        // The segmenter answers these without looking the script up; the answers must be Unicode's, up to the
        // block's last code points, which are Han only from Unicode 14.
        for (int cp = 0; cp <= 0xA000; cp = cp == 0x7F ? 0x4E00 : cp + 1) {
            String c = Character.toString(cp);
            List<String> expected = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? List.of(c)
                    : Character.isLetterOrDigit(cp) ? List.of(c.toLowerCase(Locale.ROOT)) : List.of();
            assertEquals(expected, terms(c), Integer.toHexString(cp));
        }
    }

    @Test
    void fullWidthLettersAndDigitsMatchTheirAsciiFormsAndKeepTheirPlaceInTheText() {
        assertEquals(List.of(new Token("lstm", 1, 5), new Token("2", 6, 7)), Segmenter.tokens("（ＬＳＴＭ）２"));
    }

    @Test
    void aQueryKeepsChinesePairsAndWholeWords() {
        assertEquals(List.of("梯度", "度消", "消失"), Segmenter.queryTerms("梯度消失"));
        assertEquals(List.of("池"), Segmenter.queryTerms("池"));
        assertEquals(List.of("batch", "norm"), Segmenter.queryTerms("Batch Norm"));
        assertEquals(List.of("batchnorm"), Segmenter.queryTerms("BatchNorm"));
        assertEquals(List.of("lstm", "门控"), Segmenter.queryTerms("LSTM 门控 lstm"));
        assertEquals(List.of(), Segmenter.queryTerms(" ，。!? "));
    }
}
