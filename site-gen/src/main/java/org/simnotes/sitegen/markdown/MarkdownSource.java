package org.simnotes.sitegen.markdown;

import java.nio.file.Path;
import org.simnotes.sitegen.content.Topic;

/** A topic's markdown body, with its file and the file line it starts on (so faults name their line). */
public record MarkdownSource(Path file, int firstLine, String text) {
    public static MarkdownSource of(Topic topic) {
        return new MarkdownSource(topic.file(), topic.bodyLine(), topic.body());
    }
}
