package org.simnotes.sitegen.search;

/**
 * How a match counts, shipped inside the index so the browser ranks exactly as the JVM does. Per
 * query term and topic: {@code title}, {@code tag} and {@code heading} are added once each when the
 * term is there, the body adds one per occurrence up to {@code bodyCap}; so a title hit outranks a
 * heading hit, which outranks any number of body hits. The sum is multiplied by the term's idf, and
 * by {@code exact} when the term matched whole rather than as the prefix of at most
 * {@code prefixLimit} longer words.
 */
public record Ranking(int title, int tag, int heading, int bodyCap, int exact, int prefixLimit) {
    public static final Ranking DEFAULT = new Ranking(40, 20, 15, 8, 2, 64);

    /** What the fields a term was found in are worth, before its body count. */
    int fieldWeight(int flags) {
        return ((flags & SearchIndex.TITLE) != 0 ? title : 0)
                + ((flags & SearchIndex.TAG) != 0 ? tag : 0)
                + ((flags & SearchIndex.HEADING) != 0 ? heading : 0);
    }
}
