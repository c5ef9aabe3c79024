package org.simnotes.sitegen.output;

/** One file of the built site: its path inside the site, with '/' separators, and its bytes. */
public record OutputFile(String path, byte[] bytes) {
}
