package org.simnotes.sitegen.pipeline;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.LinkCrawler;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.host.HostHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site as a static host and a search engine read it, published at https://example.org/notes/. */
class HostedSiteTest {
    private static final String BASE = "https://example.org/notes/";
    private static final Pattern FIELD = Pattern.compile("(?m)^(slug|summary|title):\\s*(.+?)\\s*$");

    @TempDir
    static Path dir;
    private static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = build("site", TestSite.projectRoot().resolve("templates"), BASE);
    }

    private static Path build(String name, Path templates, String baseUrl) throws Exception {
        Path out = dir.resolve(name);
        new SiteBuilder(new BuildOptions(TestSite.course(), templates, out, TestSite.mathCache(), baseUrl, false, false))
                .build(Progress.NONE);
        return out;
    }

    private static Document page(Path root, String name) throws IOException {
        return Jsoup.parse(root.resolve(name).toFile(), "UTF-8");
    }

    /** slug → {title, summary} as written in each topic's front matter. */
    private static Map<String, Map<String, String>> frontMatter() throws IOException {
        Map<String, Map<String, String>> topics = new HashMap<>();
        try (Stream<Path> files = Files.list(TestSite.course())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Map<String, String> fields = new HashMap<>();
                Matcher m = FIELD.matcher(Files.readString(f));
                while (m.find()) {
                    fields.putIfAbsent(m.group(1), m.group(2));
                }
                topics.put(fields.get("slug"), fields);
            }
        }
        return topics;
    }

    @Test
    void theSitemapListsEveryPageAtItsFullAddress() throws IOException {
        Document xml = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", Parser.xmlParser());
        Set<String> listed = new TreeSet<>(xml.select("urlset > url > loc").eachText());
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.list(site)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".html") && !n.equals("404.html") && !n.equals("search.html"))
                    .forEach(n -> expected.add(BASE + (n.equals("index.html") ? "" : n)));
        }
        assertEquals(8, expected.size(), "the home page and 7 topics; the 404 and search pages are for readers only");
        assertEquals("noindex", page(site, "search.html").selectFirst("meta[name=robots]").attr("content"));
        assertEquals(expected, listed);
        assertTrue(Files.readString(site.resolve("robots.txt")).contains("Sitemap: " + BASE + "sitemap.xml\n"));
    }

    @Test
    void everyPageNamesItsAddressAndDescribesItselfWithItsSummary() throws IOException {
        for (Map.Entry<String, Map<String, String>> t : frontMatter().entrySet()) {
            Document d = page(site, t.getKey() + ".html");
            String url = BASE + t.getKey() + ".html";
            String summary = t.getValue().get("summary");
            assertEquals(url, d.selectFirst("link[rel=canonical]").attr("href"), t.getKey());
            assertEquals(url, d.selectFirst("meta[property=og:url]").attr("content"), t.getKey());
            assertEquals(summary, d.selectFirst("meta[name=description]").attr("content"), t.getKey());
            assertEquals(summary, d.selectFirst("meta[property=og:description]").attr("content"), t.getKey());
            assertEquals(d.selectFirst("h1").text(), d.selectFirst("meta[property=og:title]").attr("content"), t.getKey());
            assertEquals("article", d.selectFirst("meta[property=og:type]").attr("content"), t.getKey());
            assertEquals("zh_CN", d.selectFirst("meta[property=og:locale]").attr("content"), t.getKey());
        }
        Document home = page(site, "index.html");
        assertEquals(BASE, home.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("website", home.selectFirst("meta[property=og:type]").attr("content"));
    }

    @Test
    void theNotFoundPageLinksFromTheBasePathAndIsNotIndexed() throws IOException {
        Document d = page(site, "404.html");
        assertNull(d.selectFirst("link[rel=canonical]"));
        assertEquals("noindex", d.selectFirst("meta[name=robots]").attr("content"));
        List<String> urls = d.select("[href], [src]").stream().map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                .filter(u -> !u.startsWith("#")).toList();
        assertFalse(urls.isEmpty());
        assertTrue(urls.stream().allMatch(u -> u.startsWith("/notes/")), urls.toString());
        assertEquals(List.of(), LinkCrawler.check(site, "/notes/").broken());
    }

    @Test
    void hostHeadersSetTheSecurityPolicyAndCacheOnlyHashedAssetsForEver() throws IOException {
        HostHeaders headers = HostHeaders.parse(Files.readString(site.resolve("_headers")));
        String csp = headers.forPath("/pooling.html").get("Content-Security-Policy");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("'wasm-unsafe-eval'"), csp);
        assertNull(headers.forPath("/pooling.html").get("Cache-Control"), "pages are revalidated");
        String css = page(site, "index.html").selectFirst("link[rel=stylesheet][href*=site]").attr("href");
        assertEquals("public, max-age=31536000, immutable", headers.forPath("/" + css).get("Cache-Control"));
        for (String index : List.of("/search-index.js", "/search-index-0.js")) {
            assertEquals("no-cache", headers.forPath(index).get("Cache-Control"), index + ": the manifest and its parts from one build");
        }
    }

    @Test
    void changingAnAssetChangesItsNameSoCachedCopiesAreNeverStale() throws Exception {
        Path templates = dir.resolve("templates");
        TestSite.copyTree(TestSite.projectRoot().resolve("templates"), templates);
        Files.writeString(templates.resolve("assets/site.css"), "\n.changed { color: red; }\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Path changed = build("changed", templates, BASE);
        Set<String> before = assets(site);
        Set<String> after = assets(changed);
        Set<String> gone = new TreeSet<>(before);
        gone.removeAll(after);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        assertEquals(1, gone.size(), "only the stylesheet's name changed: " + gone);
        assertTrue(gone.iterator().next().matches("assets/site\\.[0-9a-f]{10}\\.css"), gone.toString());
        assertEquals(1, added.size(), added.toString());
        assertNotEquals(gone, added);
        String href = page(changed, "index.html").selectFirst("link[rel=stylesheet][href*=site]").attr("href");
        assertEquals(added.iterator().next(), href, "pages load the new name");
    }

    @Test
    void aBaseUrlThatIsOnlyAPathGivesNoSitemapAndNoCanonicalLinks() throws Exception {
        Path local = build("path-only", TestSite.projectRoot().resolve("templates"), "/study/");
        assertFalse(Files.exists(local.resolve("sitemap.xml")));
        assertFalse(Files.readString(local.resolve("robots.txt")).contains("Sitemap"));
        assertNull(page(local, "pooling.html").selectFirst("link[rel=canonical]"));
        assertEquals(List.of(), LinkCrawler.check(local, "/study/").broken());
    }

    private static Set<String> assets(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root.resolve("assets"))) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
