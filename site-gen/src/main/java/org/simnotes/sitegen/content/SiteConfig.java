package org.simnotes.sitegen.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problems;

/**
 * {@code content/site.yml}: what the whole site shares. {@code baseUrl} is where the site is published,
 * ending in '/': an absolute http(s) URL (needed for the sitemap and canonical links) or a path from the
 * host's root. {@code allowedHosts} are the other hosts a topic may link to; any other external link or
 * image is a build error.
 */
public record SiteConfig(String title, String description, String language, String baseUrl,
                         List<String> categories, List<String> allowedHosts) {

    public static final String FILE_NAME = "site.yml";

    /** Reads {@code site.yml} of the content folder {@code folder}. */
    static SiteConfig load(Path contentDir, SourceFolder folder) throws BuildException {
        Path file = contentDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new BuildException(file, 0, "missing site configuration " + FILE_NAME);
        }
        Problems problems = new Problems();
        String text = folder.readText(file, problems);
        problems.throwIfAny();
        YamlFields fields = YamlFields.parse(file, text, 1, problems);
        problems.throwIfAny();
        if (fields == null) {
            throw new BuildException(file, 1, "empty site configuration");
        }
        String title = fields.requiredString("title");
        String description = fields.optionalString("description", "");
        String language = fields.optionalString("language", "zh-CN");
        String baseUrl = fields.optionalString("base_url", "/");
        String fault = baseUrlFault(baseUrl);
        if (fault != null) {
            problems.error(file, fields.lineOf("base_url"), "field 'base_url' " + fault);
        }
        List<String> categories = fields.stringList("categories");
        List<String> allowedHosts = fields.stringList("allowed_hosts");
        problems.throwIfAny();
        return new SiteConfig(title, description, language, withSlash(baseUrl), categories, allowedHosts);
    }

    /** This configuration published at {@code url} instead (the build's base URL option). */
    public SiteConfig withBaseUrl(String url) throws BuildException {
        String fault = baseUrlFault(url);
        if (fault != null) {
            throw new BuildException(null, 0, "base URL " + fault);
        }
        return new SiteConfig(title, description, language, withSlash(url), categories, allowedHosts);
    }

    /** Whether pages can name their full address (canonical links, the sitemap). */
    public boolean hasAbsoluteBaseUrl() {
        return URI.create(baseUrl).isAbsolute();
    }

    /** The path part of the base URL, e.g. {@code /notes/}: where the site's root is on its host. */
    public String basePath() {
        return URI.create(baseUrl).getRawPath();
    }

    /** The full (or host-absolute) address of a page of the site; the home page is the base URL itself. */
    public String urlOf(String page) {
        return baseUrl + (page.equals("index.html") ? "" : page);
    }

    private static String baseUrlFault(String url) {
        String expected = "must be an absolute http(s) URL such as https://example.org/notes/ or a path such as /notes/, found '"
                + url + "'";
        try {
            URI uri = new URI(url);
            boolean absolute = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            boolean path = uri.getScheme() == null && uri.getRawAuthority() == null && url.startsWith("/");
            return (absolute || path) && uri.getRawQuery() == null && uri.getRawFragment() == null ? null : expected;
        } catch (URISyntaxException e) {
            return expected;
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
