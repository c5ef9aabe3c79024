package org.simnotes.sitegen.render;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A category on the home page and in the sidebar, with its topics in reading order. {@code index} is
 * its place among all categories (the home page's anchor {@code cat-index}). In a sidebar a category
 * may show only some of its topics: {@code first} is the place of the first one shown, {@code total}
 * how many the category has, and {@code items} those topics' list items as the templates lay each out
 * (see {@link SidebarItems}; empty elsewhere).
 */
public record CategoryView(String name, List<TopicLink> topics, int first, int total, int index, String items) {
    /** Categories up to this size are listed whole in a sidebar. */
    static final int SIDEBAR_LIMIT = 60;
    private static final int SIDEBAR_REACH = 15;

    public CategoryView(String name, List<TopicLink> topics, int index) {
        this(name, topics, 0, topics.size(), index, "");
    }

    /**
     * This category as the sidebar of the topic at {@code at} shows it. Listing every topic on every
     * page would make a site of n topics n² in size.
     */
    CategoryView around(int at) {
        if (topics.size() <= SIDEBAR_LIMIT) {
            return this;
        }
        int from = Math.max(0, Math.min(at - SIDEBAR_REACH, topics.size() - 2 * SIDEBAR_REACH - 1));
        int to = Math.min(topics.size(), from + 2 * SIDEBAR_REACH + 1);
        return new CategoryView(name, topics.subList(from, to), from, total, index, "");
    }

    /** This category by name and count only, as the sidebar of another category's topic shows it. */
    CategoryView collapsed() {
        return new CategoryView(name, List.of(), 0, total, index, "");
    }

    /** The same category with each topic link given by {@code link}. */
    CategoryView withLinks(UnaryOperator<TopicLink> link) {
        return new CategoryView(name, topics.stream().map(link).toList(), first, total, index, items);
    }

    /** The same category with {@code items}: its topics' list items, each as {@code item} lays it out, in order. */
    CategoryView withItems(Function<TopicLink, String> item) {
        StringBuilder html = new StringBuilder();
        topics.forEach(t -> html.append(item.apply(t)));
        return new CategoryView(name, topics, first, total, index, html.toString());
    }

    /** Whether the sidebar shows only part of the category. */
    public boolean partial() {
        return topics.size() < total;
    }
}
