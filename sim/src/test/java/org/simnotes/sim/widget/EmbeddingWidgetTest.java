package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The embedding view: one-hot times the table is the looked-up row, and similar words are the close ones. */
class EmbeddingWidgetTest {
    private final EmbeddingWidget widget = new EmbeddingWidget();

    @Test
    void oneHotTimesTheTableIsTheWordsRow() {
        for (int word = 0; word < EmbeddingWidget.KEYS.length; word++) {
            View view = View.of(widget, "word=" + EmbeddingWidget.KEYS[word] + "&d=5&seed=3");
            double[] table = view.values("table");
            double[] oneHot = view.values("onehot");
            double[] product = view.values("lookup");
            for (int i = 0; i < oneHot.length; i++) {
                assertEquals(i == word ? 1 : 0, oneHot[i], 0.0);
            }
            double[] row = new double[5];
            System.arraycopy(table, word * 5, row, 0, 5);
            assertArrayEquals(row, product, 0.0, EmbeddingWidget.WORDS[word]);
            assertEquals("true", view.statExact("same"));
            assertEquals(Integer.toString(EmbeddingWidget.KEYS.length * 5), view.statExact("multiplies"));
        }
    }

    @Test
    void theSimilarityIsTheCosineOfTheTwoRows() {
        View view = View.of(widget, "word=apple&other=car&d=6&seed=17");
        double[] table = view.values("table");
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int j = 0; j < 6; j++) {
            double x = table[3 * 6 + j];
            double y = table[6 * 6 + j];
            dot += x * y;
            a += x * x;
            b += y * y;
        }
        assertEquals(dot / Math.sqrt(a * b), Double.parseDouble(view.statExact("cosine")), 1e-12);
    }

    @Test
    void wordsOfOneCategoryAreMoreAlikeThanWordsOfAnother() {
        for (int seed : new int[] {0, 1, 11, 99, 2024}) {
            for (int d = 3; d <= 8; d++) {
                for (int word = 0; word < EmbeddingWidget.KEYS.length; word++) {
                    double[] cos = View.of(widget, "word=" + EmbeddingWidget.KEYS[word] + "&d=" + d + "&seed=" + seed)
                            .values("similarities");
                    double leastAlike = 1;
                    double mostAlikeElsewhere = -1;
                    for (int w = 0; w < cos.length; w++) {
                        if (w / 3 == word / 3) {
                            leastAlike = Math.min(leastAlike, cos[w]);
                        } else {
                            mostAlikeElsewhere = Math.max(mostAlikeElsewhere, cos[w]);
                        }
                    }
                    assertTrue(leastAlike > mostAlikeElsewhere, "seed " + seed + " d " + d + " " + EmbeddingWidget.WORDS[word]);
                }
            }
        }
    }
}
