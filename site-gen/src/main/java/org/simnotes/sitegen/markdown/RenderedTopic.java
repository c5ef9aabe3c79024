package org.simnotes.sitegen.markdown;

import java.util.List;

/** A topic body as HTML, with the headings for its table of contents and its sections as plain text. */
public record RenderedTopic(String html, List<TocEntry> toc, List<TopicSection> sections) {
}
