package org.simnotes.sitegen.render;

/** A laid-out page: its path inside the site (e.g. {@code dropout.html}) and its HTML in UTF-8. */
public record Page(String path, byte[] html) {
}
