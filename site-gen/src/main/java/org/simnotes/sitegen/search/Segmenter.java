package org.simnotes.sitegen.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cuts text into search terms, the same way for the index and for a query. Each code point is
 * first folded by NFKC (full-width letters and digits become ASCII). A run of Han characters gives
 * its adjacent pairs (梯度消失: 梯度, 度消, 消失), which pin the order of two characters and so find a
 * word wherever it appears, also inside a longer one (梯度 inside 梯度消失); a lone Han character
 * gives itself. A run of letters and digits gives one lower-cased word, and in the index a camel-case
 * word also its parts (BatchNorm: batchnorm, batch, norm). Everything else separates.
 *
 * <p>A one-character query matches the pairs that start or end with it (see {@link SearchIndex}), so
 * the index needs no entry per character, which would double its size.
 *
 * <p>{@code search-core.js} (beside this class in the jar) repeats this for the browser; a browser test holds the
 * two to the same tokens.
 */
public final class Segmenter {
    private static final int SEPARATOR = 0;
    private static final int HAN = 1;
    private static final int WORD = 2;

    /** A term and where it came from in the text, as UTF-16 offsets (end exclusive). */
    public record Token(String term, int start, int end) {
    }

    private Segmenter() {
    }

    /** Every term of a text that is indexed, in text order. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        scan(text, true, out);
        return out;
    }

    /** The distinct terms a query must match, in query order. */
    public static List<String> queryTerms(String query) {
        List<Token> tokens = new ArrayList<>();
        scan(query, false, tokens);
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        for (Token t : tokens) {
            terms.add(t.term());
        }
        return List.copyOf(terms);
    }

    /** Whether a query term also matches longer indexed words that start with it (drop → dropout). */
    public static boolean matchesAsPrefix(String term) {
        return term.length() >= 2 && kind(term.codePointAt(0)) == WORD;
    }

    /** Whether a query term is one Han character, which matches the pairs holding it. */
    public static boolean isHanCharacter(String term) {
        return term.codePointCount(0, term.length()) == 1 && kind(term.codePointAt(0)) == HAN;
    }

    private static void scan(String text, boolean index, List<Token> out) {
        Units u = new Units(text);
        int i = 0;
        while (i < u.size) {
            int kind = u.kind[i];
            int j = i + 1;
            while (j < u.size && u.kind[j] == kind) {
                j++;
            }
            if (kind == HAN) {
                han(u, i, j, out);
            } else if (kind == WORD) {
                word(u, i, j, index, out);
            }
            i = j;
        }
    }

    private static void han(Units u, int from, int to, List<Token> out) {
        if (to - from == 1) {
            out.add(u.token(from, to, false));
        }
        for (int i = from; i + 1 < to; i++) {
            out.add(u.token(i, i + 2, false));
        }
    }

    private static void word(Units u, int from, int to, boolean index, List<Token> out) {
        out.add(u.token(from, to, true));
        if (!index) {
            return;
        }
        int part = from;
        for (int i = from + 1; i < to; i++) {
            if (Character.isLowerCase(u.cp[i - 1]) && Character.isUpperCase(u.cp[i])) {
                out.add(u.token(part, i, true));
                part = i;
            }
        }
        if (part > from) {
            out.add(u.token(part, to, true));
        }
    }

    private static int kind(int cp) {
        // Quick answers for the code points a course is mostly made of, as looking up a script is a search
        // of Unicode's ranges: ASCII, and the CJK ideographs that are Han in every Unicode since 13.0.
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' ? WORD : SEPARATOR;
        }
        if (cp >= 0x4E00 && cp <= 0x9FFC || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            return HAN;
        }
        return Character.isLetterOrDigit(cp) ? WORD : SEPARATOR;
    }

    /**
     * A code point folded by NFKC, kept as the same few (full-width punctuation above all) recur on every
     * line: normalising each anew took a seventh of the segmenter's time.
     */
    private static int[] folded(int c) {
        return FOLDED.computeIfAbsent(c, k -> Normalizer.normalize(Character.toString(k), Normalizer.Form.NFKC).codePoints().toArray());
    }

    private static final Map<Integer, int[]> FOLDED = new ConcurrentHashMap<>();

    /** The NFKC-folded code points of a text, each with the span of the original it came from. */
    private static final class Units {
        int[] cp;
        int[] start;
        int[] end;
        int[] kind;
        int size;

        Units(String text) {
            int n = text.length();
            cp = new int[n];
            start = new int[n];
            end = new int[n];
            for (int i = 0; i < n; ) {
                int c = text.codePointAt(i);
                int next = i + Character.charCount(c);
                if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF)) {
                    add(c, i, next); // already NFKC: ASCII and the main block of CJK ideographs
                } else {
                    for (int f : folded(c)) {
                        add(f, i, next);
                    }
                }
                i = next;
            }
            kind = new int[size];
            for (int i = 0; i < size; i++) {
                kind[i] = Segmenter.kind(cp[i]);
            }
        }

        private void add(int c, int from, int to) {
            if (size == cp.length) {
                cp = Arrays.copyOf(cp, size * 2 + 1);
                start = Arrays.copyOf(start, cp.length);
                end = Arrays.copyOf(end, cp.length);
            }
            cp[size] = c;
            start[size] = from;
            end[size] = to;
            size++;
        }

        /** Han characters have no case, so their terms skip lower-casing. */
        Token token(int from, int to, boolean lower) {
            String term = new String(cp, from, to - from);
            return new Token(lower ? term.toLowerCase(Locale.ROOT) : term, start[from], end[to - 1]);
        }
    }
}
