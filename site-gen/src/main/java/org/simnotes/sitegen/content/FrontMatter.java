package org.simnotes.sitegen.content;

import java.util.List;

/**
 * A topic's front matter as parsed and checked: its fields, and the lines of the file its slug and
 * category are on. It follows from the front matter's text alone, so a load keeps it by that text
 * ({@link TopicFiles#frontMatter}) and parses again only the front matter that changed.
 */
public record FrontMatter(String title, String slug, int order, String category, String summary, List<String> tags, int slugLine,
                          int categoryLine) {

    public FrontMatter {
        tags = List.copyOf(tags);
    }
}
