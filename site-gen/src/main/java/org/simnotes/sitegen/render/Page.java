package org.simnotes.sitegen.render;

/** A written page: its path inside the site (e.g. {@code dropout.html}) and its HTML. */
public record Page(String path, String html) {
}
