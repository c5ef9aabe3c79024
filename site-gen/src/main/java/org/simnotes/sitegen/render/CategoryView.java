package org.simnotes.sitegen.render;

import java.util.List;

/**
 * A category on the home page and in the sidebar, with its topics in reading order. In a sidebar a
 * large category shows only the topics around the current one: {@code first} is the place of the
 * first one shown, {@code total} how many the category has.
 */
public record CategoryView(String name, List<TopicLink> topics, int first, int total) {
    /** Categories up to this size are listed whole in every sidebar. */
    static final int SIDEBAR_LIMIT = 60;
    private static final int SIDEBAR_REACH = 15;

    public CategoryView(String name, List<TopicLink> topics) {
        this(name, topics, 0, topics.size());
    }

    /**
     * This category as the sidebar of the topic at {@code index} shows it. Listing every topic on
     * every page would make a site of n topics n² in size.
     */
    CategoryView around(int index) {
        if (topics.size() <= SIDEBAR_LIMIT) {
            return this;
        }
        int from = Math.max(0, Math.min(index - SIDEBAR_REACH, topics.size() - 2 * SIDEBAR_REACH - 1));
        int to = Math.min(topics.size(), from + 2 * SIDEBAR_REACH + 1);
        return new CategoryView(name, topics.subList(from, to), from, total);
    }

    /** Whether the sidebar shows only part of the category. */
    public boolean partial() {
        return topics.size() < total;
    }
}
