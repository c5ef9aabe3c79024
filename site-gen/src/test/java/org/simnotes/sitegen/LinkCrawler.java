package org.simnotes.sitegen;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Follows every {@code href} and {@code src} of every page, and every {@code url()} of every stylesheet,
 * of a built site folder, as a browser would from that folder: each must name a file inside it, and a
 * {@code #fragment} must name an element of the page it points at. Relative links only, so they work
 * from file://; the 404 page alone links from the site's base path, since a host serves it anywhere.
 */
public final class LinkCrawler {
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^)'\"]+)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private final Path root;
    private final String basePath;
    private final Map<Path, Document> pages = new HashMap<>();
    private final List<String> broken = new ArrayList<>();
    private int checked;

    private LinkCrawler(Path root, String basePath) {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath;
    }

    /** Checks the site in {@code root}, published under {@code basePath} (e.g. {@code /}). */
    public static LinkCrawler check(Path root, String basePath) throws IOException {
        LinkCrawler c = new LinkCrawler(root, basePath);
        try (Stream<Path> all = Files.walk(c.root)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".html")) {
                    for (Element e : c.page(f).select("[href], [src]")) {
                        if (!e.is("link[rel=canonical]")) {
                            c.follow(f, e.hasAttr("href") ? e.attr("href") : e.attr("src"));
                        }
                    }
                } else if (name.endsWith(".css")) {
                    Matcher m = CSS_URL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        if (!m.group(1).startsWith("data:")) {
                            c.follow(f, m.group(1));
                        }
                    }
                }
            }
        }
        return c;
    }

    public List<String> broken() {
        return broken;
    }

    public int checked() {
        return checked;
    }

    private void follow(Path from, String url) throws IOException {
        checked++;
        String where = root.relativize(from) + ": " + url;
        if (SCHEME.matcher(url).matches() || url.startsWith("//")) {
            broken.add(where + " leaves the site");
            return;
        }
        int hash = url.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? url : url.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = hash < 0 ? "" : url.substring(hash + 1);
        Path target;
        if (path.isEmpty()) {
            target = from;
        } else if (path.startsWith("/")) {
            if (!from.getFileName().toString().equals("404.html") || !path.startsWith(basePath)) {
                broken.add(where + " starts from the host's root, which breaks from file://");
                return;
            }
            target = root.resolve(path.substring(basePath.length())).normalize();
        } else {
            target = from.getParent().resolve(path).normalize();
        }
        if (!target.startsWith(root) || !Files.isRegularFile(target)) {
            broken.add(where + " names no file of the site");
        } else if (!fragment.isEmpty() && target.toString().endsWith(".html")
                && page(target).getElementById(URLDecoder.decode(fragment, StandardCharsets.UTF_8)) == null) {
            broken.add(where + " names no element of " + root.relativize(target));
        }
    }

    private Document page(Path f) throws IOException {
        Document d = pages.get(f);
        if (d == null) {
            d = Jsoup.parse(f.toFile(), "UTF-8");
            pages.put(f, d);
        }
        return d;
    }
}
