package org.simnotes.sitegen.browser;

import java.io.IOException;
import java.nio.file.Path;

/** Where a browser test opens the built site: over http from the dev server, or as files (file://). */
final class SiteOrigin implements AutoCloseable {
    private final Path site;
    private final SiteServer server;

    private SiteOrigin(Path site, SiteServer server) {
        this.site = site;
        this.server = server;
    }

    /** {@code "http"} or {@code "file"}. */
    static SiteOrigin open(String scheme, Path site) throws IOException {
        return switch (scheme) {
            case "http" -> new SiteOrigin(site, new SiteServer(site));
            case "file" -> new SiteOrigin(site, null);
            default -> throw new IllegalArgumentException(scheme);
        };
    }

    /** The address of a page, which may carry a query and an anchor: {@code search.html?q=x}. */
    String url(String page) {
        if (server != null) {
            return server.url(page);
        }
        int cut = page.indexOf('?') >= 0 ? page.indexOf('?') : page.indexOf('#') >= 0 ? page.indexOf('#') : page.length();
        return site.resolve(page.substring(0, cut)).toUri() + page.substring(cut);
    }

    /** Whether a request stayed on this origin. */
    boolean isLocal(String requested) {
        return requested.startsWith(server != null ? server.url("") : "file:///") || requested.startsWith("data:");
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
