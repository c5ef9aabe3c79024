package org.simnotes.sitegen.output;

/**
 * One file of the built site: its path inside the site, with '/' separators, and its bytes.
 * {@code hostOnly} files (the 404 page, sitemap, robots.txt, host headers) only mean something on a web
 * host, so the offline bundle leaves them out.
 */
public record OutputFile(String path, byte[] bytes, boolean hostOnly) {
    public OutputFile(String path, byte[] bytes) {
        this(path, bytes, false);
    }
}
