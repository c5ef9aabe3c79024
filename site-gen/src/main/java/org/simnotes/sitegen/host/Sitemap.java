package org.simnotes.sitegen.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.simnotes.sitegen.content.SiteConfig;
import org.simnotes.sitegen.output.OutputFile;

/**
 * What search engines read: {@code robots.txt}, and {@code sitemap.xml} listing every page at its full
 * address. A site whose base URL is only a path has no full addresses, so it gets no sitemap. No
 * modification dates: they would make two builds of the same input differ.
 */
public final class Sitemap {

    private static final String SITEMAP = "sitemap.xml";
    private static final String ROBOTS = "robots.txt";

    private Sitemap() {
    }

    /** The files for a site whose indexable pages are {@code pages} (paths such as {@code index.html}). */
    public static List<OutputFile> files(SiteConfig site, List<String> pages) {
        List<OutputFile> files = new ArrayList<>();
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
        if (site.hasAbsoluteBaseUrl()) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String page : pages) {
                xml.append("  <url><loc>").append(escape(site.urlOf(page))).append("</loc></url>\n");
            }
            xml.append("</urlset>\n");
            files.add(new OutputFile(SITEMAP, xml.toString().getBytes(StandardCharsets.UTF_8), true));
            robots.append("Sitemap: ").append(site.urlOf(SITEMAP)).append('\n');
        }
        files.add(new OutputFile(ROBOTS, robots.toString().getBytes(StandardCharsets.UTF_8), true));
        return files;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
