package org.simnotes.sim.widget;

import org.simnotes.sim.Embedding;
import org.simnotes.simapi.Attributes;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.SplitMix64;
import org.simnotes.simapi.Stats;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;

/**
 * A small embedding table: a word's one-hot vector times the table gives the same row a lookup takes, and the
 * cosine similarity of the chosen word to every other. The vectors are made, not trained: the words of one
 * category scatter around one random centre, the centres at right angles, so that similar words sit close as
 * trained ones would.
 */
public final class EmbeddingWidget implements Widget {
    static final int WORD = 0;
    static final int OTHER = 1;
    static final int DIM = 2;
    static final int SEED = 3;
    static final String[] KEYS = {"cat", "dog", "tiger", "apple", "banana", "grape", "car", "train", "plane"};
    static final String[] WORDS = {"猫", "狗", "老虎", "苹果", "香蕉", "葡萄", "汽车", "火车", "飞机"};
    /** Three words a category: animals, fruit, vehicles. */
    static final int PER_CATEGORY = 3;
    /** How far a word may lie from its category's centre in each component; the centres have length 1. */
    static final double SCATTER = 0.3;
    private static final double CELL = 34;
    private static final double ROW_LABELS = 36;

    private static final Param[] PARAMS = {
        Param.choice("word", "查找的词", KEYS, WORDS, 0),
        Param.choice("other", "比较的词", KEYS, WORDS, 1),
        Param.number("d", "嵌入维度 d", 3, 8, 1, 4),
        Param.number("seed", "随机种子", 0, 999_999, 1, 11),
    };

    @Override
    public String name() {
        return "embedding";
    }

    @Override
    public String caption() {
        return "换一个查找的词：one-hot 向量乘嵌入矩阵，结果正是矩阵的那一行；再看它和各个词的余弦相似度。";
    }

    @Override
    public Param[] params() {
        return PARAMS;
    }

    /**
     * The V × d table, drawn from the seed: three random directions made orthogonal and of length 1 (Gram–Schmidt,
     * so d is at least 3), the category centres; then each word, its centre plus a small random offset.
     */
    static double[] table(int d, double seed) {
        SplitMix64 rng = SplitMix64.fromSeed(seed);
        int categories = WORDS.length / PER_CATEGORY;
        double[] centres = new double[categories * d];
        for (int c = 0; c < categories; c++) {
            for (int j = 0; j < d; j++) {
                centres[c * d + j] = rng.nextDouble() * 2 - 1;
            }
            for (int earlier = 0; earlier < c; earlier++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += centres[c * d + j] * centres[earlier * d + j];
                }
                for (int j = 0; j < d; j++) {
                    centres[c * d + j] -= dot * centres[earlier * d + j];
                }
            }
            double length = 0;
            for (int j = 0; j < d; j++) {
                length += centres[c * d + j] * centres[c * d + j];
            }
            length = Math.sqrt(length);
            for (int j = 0; j < d; j++) {
                centres[c * d + j] /= length;
            }
        }
        double[] table = new double[WORDS.length * d];
        for (int w = 0; w < WORDS.length; w++) {
            int c = w / PER_CATEGORY;
            for (int j = 0; j < d; j++) {
                table[w * d + j] = centres[c * d + j] + (rng.nextDouble() * 2 - 1) * SCATTER;
            }
        }
        return table;
    }

    /** The cosine similarity of word {@code word} to each word of the table. */
    static double[] similarities(double[] table, int d, int word) {
        double[] a = Embedding.lookup(WORDS.length, d, table, word);
        double[] cos = new double[WORDS.length];
        for (int w = 0; w < WORDS.length; w++) {
            cos[w] = Embedding.cosine(a, Embedding.lookup(WORDS.length, d, table, w));
        }
        return cos;
    }

    @Override
    public void render(double[] v, StringBuilder sb) {
        int word = (int) v[WORD];
        int other = (int) v[OTHER];
        int d = (int) v[DIM];
        int vocab = WORDS.length;
        double[] table = table(d, v[SEED]);
        double[] oneHot = Embedding.oneHot(vocab, word);
        double[] product = Embedding.times(vocab, d, table, oneHot);
        double[] row = Embedding.lookup(vocab, d, table, word);
        boolean same = equal(product, row);
        String[] dims = new String[d];
        for (int j = 0; j < d; j++) {
            dims[j] = Integer.toString(j + 1);
        }

        sb.append("<div class=\"sim-figures\">");
        Heatmap x = new Heatmap("onehot", 1, vocab, oneHot).cell(CELL, CELL * 0.8).range(1).numbers(0)
                .labels(new String[] {"x"}, ROW_LABELS, WORDS);
        Heatmap e = new Heatmap("table", vocab, d, table).cell(CELL + 6, CELL * 0.7).signed().numbers(2)
                .labels(WORDS, ROW_LABELS, dims).outlineRows(word, 1);
        Heatmap out = new Heatmap("lookup", 1, d, product).cell(CELL + 6, CELL * 0.8).signed().numbers(2)
                .labels(new String[] {"xE"}, ROW_LABELS, null);
        double width = Math.max(x.width(), e.width());
        double top = 22;
        double eTop = top + x.height() + 28;
        double outTop = eTop + e.height() + 28;
        Svg svg = new Svg(sb, Math.max(width, 280), outTop + out.height() + 4, "sim-grid", "one-hot 向量乘嵌入矩阵", "");
        svg.text(0, 14, "sim-title", "one-hot 向量 x（“" + WORDS[word] + "”处为 1，V = " + vocab + "）");
        x.draw(svg, 0, top);
        svg.text(0, eTop - 8, "sim-title", "嵌入矩阵 E（V × d = " + vocab + " × " + d + "，框出的是第 " + (word + 1) + " 行）");
        e.draw(svg, 0, eTop);
        svg.text(0, outTop - 8, "sim-title", "x · E：恰好是 E 的第 " + (word + 1) + " 行");
        out.draw(svg, 0, outTop);
        svg.end();
        x.numbers(sb, "one-hot 向量 x");
        e.numbers(sb, "嵌入矩阵 E（行是词）");
        out.numbers(sb, "x · E");

        double[] cos = similarities(table, d, word);
        bars(sb, cos, word, other);
        sb.append("</div>");

        new Stats(sb)
                .add("one-hot × E", vocab + " × " + d + " = " + vocab * d + " 次乘加，只有 " + d + " 次乘的是 1，其余都乘 0",
                        "multiplies", Integer.toString(vocab * d))
                .add("查表", "直接取第 " + (word + 1) + " 行的 " + d + " 个数，不做乘法", null, null)
                .add("两种算法的结果", same ? "完全相同" : "不同", "same", same ? "true" : "false")
                .add("cos(" + WORDS[word] + ", " + WORDS[other] + ")", Html.fixed(cos[other], 3), "cosine", Html.exact(cos[other])).brief()
                .add("说明", "表中数值是示意用的，不是训练得到的词向量：同一类（动物、水果、交通工具）的词围绕同一个随机中心生成，"
                        + "三个中心两两垂直，模仿训练后相似词彼此靠近的样子。换随机种子会换一张表。", null, null)
                .end();
    }

    /** The similarities as bars from 0, to the right for positive values; {@code other} highlighted. */
    private static void bars(StringBuilder sb, double[] cos, int word, int other) {
        double half = 110;
        double zero = ROW_LABELS + half;
        double rowHeight = 20;
        Svg svg = new Svg(sb, zero + half + 40, 22 + cos.length * rowHeight + 4, "sim-chart",
                "“" + WORDS[word] + "”与各个词的余弦相似度", new Attributes().text("data-series", "similarities").numbers("data-values", cos).toString());
        svg.text(0, 14, "sim-title", "“" + WORDS[word] + "”与各个词的余弦相似度");
        for (int w = 0; w < cos.length; w++) {
            double y = 22 + w * rowHeight;
            double length = Math.abs(cos[w]) * half;
            svg.text(ROW_LABELS - 4, y + 14, "axis", WORDS[w])
                    .rect(cos[w] < 0 ? zero - length : zero, y + 3, Math.max(1, length), rowHeight - 6, w == other ? "bar selected" : "bar", "")
                    .text(cos[w] < 0 ? zero + 4 : zero + length + 4, y + 14, "axis start", Html.fixed(cos[w], 2));
        }
        svg.line(zero, 20, zero, 22 + cos.length * rowHeight, "gridline");
        svg.end();
    }

    private static boolean equal(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return a.length == b.length;
    }
}
