package org.simnotes.sitegen.markdown;

/** A link or image in a topic, as written after resolving {@code .md} names, with the line it is on. */
public record LinkUse(String url, boolean image, int line) {
}
