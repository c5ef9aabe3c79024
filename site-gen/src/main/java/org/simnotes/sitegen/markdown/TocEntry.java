package org.simnotes.sitegen.markdown;

/** One heading of a page's table of contents. */
public record TocEntry(int level, String id, String text) {
}
