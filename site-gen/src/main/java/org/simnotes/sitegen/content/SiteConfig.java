package org.simnotes.sitegen.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.simnotes.sitegen.build.BuildException;
import org.simnotes.sitegen.build.Problems;

/**
 * {@code content/site.yml}: what the whole site shares. {@code allowedHosts} are the other hosts a
 * topic may link to; any other external link or image is a build error.
 */
public record SiteConfig(String title, String description, String language, String baseUrl,
                         List<String> categories, List<String> allowedHosts) {

    public static final String FILE_NAME = "site.yml";

    public static SiteConfig load(Path contentDir) throws BuildException {
        Path file = contentDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new BuildException(file, 0, "missing site configuration " + FILE_NAME);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildException(file, 0, "cannot read: " + e.getMessage());
        }
        Problems problems = new Problems();
        YamlFields fields = YamlFields.parse(file, text, 1, problems);
        problems.throwIfAny();
        if (fields == null) {
            throw new BuildException(file, 1, "empty site configuration");
        }
        String title = fields.requiredString("title");
        String description = fields.optionalString("description", "");
        String language = fields.optionalString("language", "zh-CN");
        String baseUrl = fields.optionalString("base_url", "/");
        List<String> categories = fields.stringList("categories");
        List<String> allowedHosts = fields.stringList("allowed_hosts");
        problems.throwIfAny();
        return new SiteConfig(title, description, language, withSlash(baseUrl), categories, allowedHosts);
    }

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, language, withSlash(url), categories, allowedHosts);
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
