package org.simnotes.sitegen.content;

import java.nio.file.Path;
import java.util.List;

/**
 * One study topic as loaded: front matter fields and the markdown body. {@code bodyLine} is the line
 * of the file on which the body starts, so faults found in the body can name their file line.
 */
public record Topic(Path file, String slug, String title, int order, String category, String summary,
                    List<String> tags, String body, int bodyLine) {

    public String fileName() {
        return slug + ".html";
    }
}
