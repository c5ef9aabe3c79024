package org.simnotes.sitegen.render;

import java.util.List;
import org.simnotes.sitegen.markdown.TocEntry;

/**
 * What the topic template shows: the rendered body, its contents, how many interview answers it has (the
 * self-test drills them), and its neighbours.
 */
public record TopicView(String slug, String title, String summary, String category, List<String> tags,
                        String html, List<TocEntry> toc, boolean hasSims, int answers, TopicLink prev, TopicLink next) {
}
