package org.simnotes.sitegen.search;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The search index: topics, their sections (the topic's head first: title, tags, summary and lead
 * text, with no anchor), and the sorted terms with their postings. A term's postings are triples
 * {@code section, flags, count} in section order, where flags say whether the term is in the topic's
 * title, its tags or the section's heading and count is how often it is in the text. A term's idf
 * is {@code idfByDocs[n - 1]} for a term found in n topics.
 */
public record SearchIndex(List<Doc> docs, List<Section> sections, List<String> terms, List<int[]> postings,
                          int[] idfByDocs, Ranking ranking) {
    public static final int TITLE = 1;
    public static final int TAG = 2;
    public static final int HEADING = 4;
    /** Writes the script's JSON as UTF-8 directly (without the generator closing the stream it writes to). */
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** A topic: its page, its title, and the index of its head section. */
    public record Doc(String href, String title, int firstSection) {
    }

    /** A part of a topic: the anchor of its heading (empty for the head), the heading, and its text. */
    public record Section(int doc, String anchor, String heading, String text) {
    }

    /** A term of the index a query term matched: whole ({@code exact}), or as its prefix. */
    record Match(int term, boolean exact) {
    }

    /** How much a term tells topics apart: more the fewer topics hold it. */
    int idf(int term) {
        int[] p = postings.get(term);
        int docCount = 0;
        int last = -1;
        for (int i = 0; i < p.length; i += 3) {
            int doc = sections.get(p[i]).doc();
            if (doc != last) {
                docCount++;
                last = doc;
            }
        }
        return idfByDocs[docCount - 1];
    }

    /** The sections of a doc: from its head to the next doc's head. */
    int sectionsEnd(int doc) {
        return doc + 1 < docs.size() ? docs.get(doc + 1).firstSection() : sections.size();
    }

    /**
     * The index terms a query term matches: itself; for a word, at most {@code prefixLimit} longer
     * words it starts (see {@link Ranking}); for one Han character, every pair holding it.
     */
    List<Match> matches(String term) {
        List<Match> out = new ArrayList<>();
        int at = Collections.binarySearch(terms, term);
        if (at >= 0) {
            out.add(new Match(at, true));
        }
        int next = at >= 0 ? at + 1 : -at - 1;
        if (Segmenter.matchesAsPrefix(term)) {
            for (int i = next, n = 0; i < terms.size() && n < ranking.prefixLimit() && terms.get(i).startsWith(term); i++, n++) {
                out.add(new Match(i, false));
            }
        } else if (Segmenter.isHanCharacter(term)) {
            for (int i = 0; i < terms.size(); i++) {
                String t = terms.get(i);
                if (!t.equals(term) && (t.startsWith(term) || t.endsWith(term))) {
                    out.add(new Match(i, false));
                }
            }
        }
        return out;
    }

    /**
     * The index as part {@code part} of a site's index (see {@link SearchScripts}): a classic script
     * that puts its docs, sections, terms and postings at {@code window.SIMNOTES_SEARCH_PARTS[part]},
     * so it loads from file:// too. Doc and section numbers count from the part's first. To keep it
     * small the terms are one space-separated string (a term holds no space), and a term's postings
     * are one string of numbers, two a posting: the distance from the previous posting's section (the
     * first from 0), and {@code count * 8 + flags}. A number is written as base-32 digits, most
     * significant first, each one character: {@code ']'} to {@code '|'} for a digit that more digits
     * follow, {@code '#'} to {@code 'B'} for the last (none of them needs escaping in JSON).
     */
    public byte[] toPart(int part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            // One generator for the whole script, its values written one after another with no separator between them.
            json.setRootValueSeparator(null);
            json.writeRaw("(window.SIMNOTES_SEARCH_PARTS=window.SIMNOTES_SEARCH_PARTS||[])[" + part + "]={\"docs\":");
            json.writeStartArray();
            for (Doc d : docs) {
                json.writeStartArray();
                json.writeString(d.href());
                json.writeString(d.title());
                json.writeNumber(d.firstSection());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeRaw(",\"sections\":");
            json.writeStartArray();
            for (Section s : sections) {
                json.writeStartArray();
                json.writeNumber(s.doc());
                json.writeString(s.anchor());
                json.writeString(s.heading());
                json.writeString(s.text());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeRaw(",\"terms\":");
            json.writeString(String.join(" ", terms));
            json.writeRaw(",\"postings\":[");
            for (int i = 0; i < postings.size(); i++) {
                // Written as they are: the digits are characters no JSON string escapes.
                char[] packed = packed(postings.get(i), i > 0);
                json.writeRaw(packed, 0, packed.length);
            }
            json.writeRaw("]};\n");
        } catch (IOException e) {
            throw new IllegalStateException("the search index does not serialize", e);
        }
        return out.toByteArray();
    }

    /**
     * The script that names a site's index parts, with what they share: {@code window.SIMNOTES_SEARCH}
     * holds the ranking, the idf of a term by the number of topics holding it, and the parts' file names.
     */
    static byte[] manifest(Ranking ranking, int[] idfByDocs, List<String> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ascii(out, "window.SIMNOTES_SEARCH={\"ranking\":");
            JSON.writeValue(out, ranking);
            ascii(out, ",\"idfByDocs\":");
            JSON.writeValue(out, idfByDocs);
            ascii(out, ",\"parts\":");
            JSON.writeValue(out, parts);
            ascii(out, "};\n");
        } catch (IOException e) {
            throw new IllegalStateException("the search index does not serialize", e);
        }
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** A term's postings as the script holds them, in quotes, after a comma when {@code comma}. */
    private static char[] packed(int[] triples, boolean comma) {
        // A number is at most seven digits, two a posting.
        char[] out = new char[triples.length / 3 * 14 + 3];
        int at = 0;
        if (comma) {
            out[at++] = ',';
        }
        out[at++] = '"';
        int previous = 0;
        for (int i = 0; i < triples.length; i += 3) {
            at = appendNumber(out, at, triples[i] - previous);
            at = appendNumber(out, at, triples[i + 2] * 8 + triples[i + 1]);
            previous = triples[i];
        }
        out[at++] = '"';
        return Arrays.copyOf(out, at);
    }

    private static int appendNumber(char[] out, int at, int n) {
        int shift = 0;
        while (n >>> shift >= 32) {
            shift += 5;
        }
        for (; shift > 0; shift -= 5) {
            out[at++] = (char) (']' + (n >>> shift & 31));
        }
        out[at++] = (char) ('#' + (n & 31));
        return at;
    }
}
