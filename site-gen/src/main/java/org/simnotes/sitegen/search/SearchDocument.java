package org.simnotes.sitegen.search;

import java.util.List;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.markdown.TopicSection;

/** What the index knows of one topic: its page, title, summary, tags and sections of plain text. */
public record SearchDocument(String href, String title, String summary, List<String> tags, List<TopicSection> sections) {

    public static SearchDocument of(Topic topic, RenderedTopic body) {
        return new SearchDocument(topic.fileName(), topic.title(), topic.summary(), topic.tags(), body.sections());
    }
}
