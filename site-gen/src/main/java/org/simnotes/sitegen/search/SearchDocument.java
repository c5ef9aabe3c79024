package org.simnotes.sitegen.search;

import java.util.AbstractList;
import java.util.List;
import org.simnotes.sitegen.content.Topic;
import org.simnotes.sitegen.markdown.RenderedTopic;
import org.simnotes.sitegen.markdown.TopicSection;

/** What the index knows of one topic: its page, title, summary, tags and sections of plain text. */
public record SearchDocument(String href, String title, String summary, List<String> tags, List<TopicSection> sections) {

    /** The document of a topic; its sections are the body's, asked for only when the index needs them. */
    public static SearchDocument of(Topic topic, RenderedTopic body) {
        return new SearchDocument(topic.fileName(), topic.title(), topic.summary(), topic.tags(), new BodySections(body));
    }

    /**
     * A body's sections as a list that asks the body for them on first use (a rebuild indexes few topics
     * again), once: a body kept in the cache folder may make them anew on each ask.
     */
    private static final class BodySections extends AbstractList<TopicSection> {
        private final RenderedTopic body;
        private List<TopicSection> sections;

        BodySections(RenderedTopic body) {
            this.body = body;
        }

        private synchronized List<TopicSection> sections() {
            if (sections == null) {
                sections = body.sections();
            }
            return sections;
        }

        @Override
        public TopicSection get(int index) {
            return sections().get(index);
        }

        @Override
        public int size() {
            return sections().size();
        }
    }
}
