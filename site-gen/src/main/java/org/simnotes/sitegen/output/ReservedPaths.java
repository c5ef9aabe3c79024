package org.simnotes.sitegen.output;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The paths in the site that the generator writes itself, which no topic's page and no file shipped
 * from the content folder may take: either would silently replace the generator's file, or be replaced
 * by it. Compared without case, as a host's file system may not tell case apart. The names are the
 * stages' own (the host files, the search index's), written out here so that loading content depends
 * on no later stage; ReservedPathsTest holds them to what a build writes.
 */
public final class ReservedPaths {
    /** The pages that topics may link to: the home page, the search page and the 404 page. */
    public static final Set<String> SITE_PAGES = Set.of("index.html", "search.html", "404.html");
    /**
     * What hosts and search engines read (see Sitemap and HostHeaders), the search index's manifest, and
     * the marker that tells a later build the folder is a site it may replace.
     */
    private static final Set<String> HOST_FILES = Set.of("sitemap.xml", "robots.txt", "_headers", "search-index.js", OutputGuard.MARKER);
    private static final Pattern SEARCH_PARTS = Pattern.compile("search-index-\\d+\\.js");
    /** Hosts are told to cache everything here for ever, as each name carries its content's hash. */
    private static final String ASSETS = "assets/";

    private ReservedPaths() {
    }

    /** Whether {@code path} (inside the site, '/' separated) is a file the generator writes. */
    public static boolean taken(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return SITE_PAGES.contains(p) || HOST_FILES.contains(p) || SEARCH_PARTS.matcher(p).matches() || p.startsWith(ASSETS);
    }
}
