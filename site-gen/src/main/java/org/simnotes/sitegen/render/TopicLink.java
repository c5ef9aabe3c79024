package org.simnotes.sitegen.render;

import org.simnotes.sitegen.content.Topic;

/** How a page links to a topic: its title, summary and relative address. */
public record TopicLink(String slug, String title, String summary, String href) {
    public static TopicLink of(Topic t) {
        return new TopicLink(t.slug(), t.title(), t.summary(), t.fileName());
    }
}
