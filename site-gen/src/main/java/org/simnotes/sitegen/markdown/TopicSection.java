package org.simnotes.sitegen.markdown;

/**
 * One section of a topic as plain text, for search: the heading's anchor id and text, and the text
 * up to the next heading. The lead (text before the first heading) has an empty id and heading.
 */
public record TopicSection(String id, String heading, String text) {
}
