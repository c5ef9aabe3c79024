package org.simnotes.sitegen.search;

/** A topic that matched a query, the section of it that matched best, and the topic's score. */
public record SearchHit(int doc, int section, long score) {
}
