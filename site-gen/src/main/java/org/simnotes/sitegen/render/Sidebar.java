package org.simnotes.sitegen.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The topic list beside a topic page. A small site lists every topic. In a large one that would make
 * every page grow with the course and the site with its square, so the sidebar keeps to a fixed size:
 * the current category around the current topic, the categories near it by name and count, and a link
 * to the home page, which lists everything. {@code hiddenCategories} counts the categories left out.
 */
public record Sidebar(List<CategoryView> categories, int hiddenCategories) {
    /** Sites up to this many topics are listed whole on every page. */
    static final int WHOLE_LIMIT = CategoryView.SIDEBAR_LIMIT;
    private static final int CATEGORY_REACH = 5;

    /** The sidebar of the topic at place {@code topic} of category {@code category}. */
    static Sidebar of(List<CategoryView> all, int category, int topic) {
        if (all.stream().mapToInt(CategoryView::total).sum() <= WHOLE_LIMIT) {
            return new Sidebar(all, 0);
        }
        int from = Math.max(0, Math.min(category - CATEGORY_REACH, all.size() - 2 * CATEGORY_REACH - 1));
        int to = Math.min(all.size(), from + 2 * CATEGORY_REACH + 1);
        List<CategoryView> shown = new ArrayList<>(to - from);
        for (int c = from; c < to; c++) {
            shown.add(c == category ? all.get(c).around(topic) : all.get(c).collapsed());
        }
        return new Sidebar(List.copyOf(shown), all.size() - shown.size());
    }

    /** The same sidebar with each category's {@link CategoryView#items items}, each topic's as {@code item} lays it out. */
    Sidebar withItems(Function<TopicLink, String> item) {
        return new Sidebar(categories.stream().map(c -> c.withItems(item)).toList(), hiddenCategories);
    }
}
