package org.simnotes.sitegen.content;

import java.nio.file.Path;
import java.util.List;

/**
 * One study topic as loaded: front matter fields and the markdown body. {@code bodyLine} is the line
 * of the file on which the body starts, so faults found in the body can name their file line.
 * {@code fileName} is its page, {@code slug.html}, made once: a rebuild looks it up for every topic
 * many times over, and the same string each time also compares fastest. {@code slugLine} and
 * {@code categoryLine} are the lines of those fields, for faults found when topics are compared (0 for
 * a topic made in code).
 */
public record Topic(Path file, String slug, String title, int order, String category, String summary,
                    List<String> tags, String body, int bodyLine, String fileName, int slugLine, int categoryLine) {

    public Topic {
        if (!fileName.equals(slug + ".html")) {
            throw new IllegalArgumentException("the page of topic '" + slug + "' must be " + slug + ".html, not " + fileName);
        }
    }

    public Topic(Path file, String slug, String title, int order, String category, String summary,
                 List<String> tags, String body, int bodyLine, int slugLine, int categoryLine) {
        this(file, slug, title, order, category, summary, tags, body, bodyLine, slug + ".html", slugLine, categoryLine);
    }
}
