package org.simnotes.sitegen.content;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.output.ReservedPaths;

/** Splits a topic file into its YAML front matter and markdown body, and checks the fields. */
final class TopicParser {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String FENCE = "---";

    private TopicParser() {
    }

    /** Returns the topic, or null when the file has faults (recorded in {@code problems}). */
    static Topic parse(Path file, String text, Problems problems) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(FENCE)) {
            problems.error(file, 1, "missing front matter: a topic starts with a line '---', its fields "
                    + "(title, slug, order, category, summary), and a closing '---'");
            return null;
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals(FENCE)) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.error(file, 1, "front matter is not closed: add a line '---' after its fields");
            return null;
        }
        String yaml = String.join("\n", List.of(lines).subList(1, close));
        YamlFields fields = YamlFields.parse(file, yaml, 2, problems);
        if (fields == null) {
            return null;
        }
        String title = fields.requiredString("title");
        String slug = fields.requiredString("slug");
        Integer order = fields.requiredInt("order");
        String category = fields.requiredString("category");
        String summary = fields.requiredString("summary");
        List<String> tags = fields.stringList("tags");
        int slugLine = fields.lineOf("slug");
        if (slug != null && !SLUG.matcher(slug).matches()) {
            problems.error(file, slugLine, "slug '" + slug
                    + "' must be lower-case ASCII letters and digits joined by '-', e.g. gradient-vanishing");
            slug = null;
        } else if (slug != null && ReservedPaths.taken(slug + ".html")) {
            problems.error(file, slugLine, "slug '" + slug + "' is taken: the site's own page " + slug
                    + ".html has that name; choose another slug");
            slug = null;
        }
        if (title == null || slug == null || order == null || category == null || summary == null) {
            return null;
        }
        String body = String.join("\n", List.of(lines).subList(close + 1, lines.length));
        return new Topic(file, slug, title, order, category, summary, tags, body, close + 2, slugLine, fields.lineOf("category"));
    }
}
