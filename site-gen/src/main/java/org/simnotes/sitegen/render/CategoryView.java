package org.simnotes.sitegen.render;

import java.util.List;

/** A category on the home page and in the sidebar, with its topics in reading order. */
public record CategoryView(String name, List<TopicLink> topics) {
}
