package org.simnotes.sitegen.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.simnotes.sitegen.fault.Problems;
import org.simnotes.sitegen.output.ReservedPaths;

/** Splits a topic file into its YAML front matter and markdown body, and checks the fields. */
final class TopicParser {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String FENCE = "---";

    private TopicParser() {
    }

    /**
     * Returns the topic, or null when the file has faults (recorded in {@code problems}); its front matter is taken from
     * {@code known} (by its text) when there, else parsed. Front matter without faults is put into {@code found}.
     */
    static Topic parse(Path file, String text, Problems problems, Map<String, FrontMatter> known, Map<String, FrontMatter> found) {
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
        FrontMatter fields = known.get(yaml);
        if (fields == null) {
            Problems own = new Problems();
            fields = frontMatter(file, yaml, own);
            problems.addAll(own);
            if (fields == null || !own.isEmpty()) {
                return fields == null ? null : topic(file, lines, close, fields);
            }
        }
        found.put(yaml, fields);
        return topic(file, lines, close, fields);
    }

    private static Topic topic(Path file, String[] lines, int close, FrontMatter fields) {
        String body = String.join("\n", List.of(lines).subList(close + 1, lines.length));
        return new Topic(file, fields.slug(), fields.title(), fields.order(), fields.category(), fields.summary(), fields.tags(), body,
                close + 2, fields.slugLine(), fields.categoryLine());
    }

    /** The front matter {@code yaml}, which starts on line 2 of {@code file}, parsed and checked; null when it has faults. */
    private static FrontMatter frontMatter(Path file, String yaml, Problems problems) {
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
        return new FrontMatter(title, slug, order, category, summary, tags, slugLine, fields.lineOf("category"));
    }
}
