package org.simnotes.sitegen.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.simnotes.sitegen.content.Topic;

/**
 * Made-up topics for testing and measuring search at sizes a small course does not reach. Words are two to
 * four characters drawn from the Han characters of the topics given (and now and then one of their
 * Latin words), from a vocabulary of 20,000 used with Zipf frequencies; each topic is about as long
 * as a real one, with the same shape: an analysis with two subsections and an interview answer.
 * Seeded, so every run measures the same corpus.
 */
public final class GeneratedCorpus {
    private static final int VOCABULARY = 20_000;

    private final Random random;
    private final List<String> words = new ArrayList<>();
    private final List<String> latin;
    private final double[] cumulative = new double[VOCABULARY];

    private GeneratedCorpus(List<Topic> real, long seed) {
        random = new Random(seed);
        TreeSet<Integer> han = new TreeSet<>();
        TreeSet<String> latinWords = new TreeSet<>();
        for (Topic t : real) {
            t.body().codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(han::add);
            for (String w : t.body().split("[^A-Za-z]+")) {
                if (w.length() >= 3) {
                    latinWords.add(w);
                }
            }
        }
        List<Integer> chars = new ArrayList<>(han);
        latin = new ArrayList<>(latinWords);
        double sum = 0;
        for (int rank = 0; rank < VOCABULARY; rank++) {
            int length = 2 + (random.nextInt(100) < 60 ? 0 : random.nextInt(100) < 60 ? 1 : 2);
            StringBuilder w = new StringBuilder();
            for (int k = 0; k < length; k++) {
                w.appendCodePoint(chars.get(random.nextInt(chars.size())));
            }
            words.add(w.toString());
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
    }

    /** The topics given first, then generated ones up to {@code count}. */
    public static List<Topic> topics(List<Topic> real, int count, long seed) {
        GeneratedCorpus g = new GeneratedCorpus(real, seed);
        List<Topic> all = new ArrayList<>(real);
        for (int i = all.size(); i < count; i++) {
            all.add(g.topic(i));
        }
        return all;
    }

    private Topic topic(int i) {
        String slug = String.format("generated-%04d", i);
        String body = "## 问题分析\n" + paragraph(80) + "\n\n"
                + "### " + phrase(3) + "\n" + paragraph(70) + "\n\n"
                + "### " + phrase(3) + "\n" + paragraph(70) + "\n\n"
                + "## 面试回答\n> " + paragraph(40) + "\n";
        return new Topic(Path.of("generated", slug + ".md"), slug, phrase(4), i, "生成", paragraph(12),
                List.of(word(), word(), word()), body, 1, 0, 0);
    }

    private String word() {
        if (random.nextInt(100) < 4) {
            return " " + latin.get(random.nextInt(latin.size())) + " ";
        }
        double u = random.nextDouble() * cumulative[VOCABULARY - 1];
        int lo = 0;
        int hi = VOCABULARY - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return words.get(lo);
    }

    private String phrase(int words) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < words; k++) {
            s.append(word());
        }
        return s.toString().strip();
    }

    private String paragraph(int words) {
        StringBuilder s = new StringBuilder();
        for (int k = 1; k <= words; k++) {
            s.append(word());
            if (k % 7 == 0) {
                s.append(k % 21 == 0 ? "。" : "，");
            }
        }
        return s.append("。").toString().strip();
    }
}
