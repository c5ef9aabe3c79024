package org.simnotes.sitegen.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.thymeleaf.context.Context;

/**
 * Each topic as the sidebar lists it: the {@code topicNavItem(t, current)} fragment of the
 * {@code fragments} template, laid out once for all the pages that list the topic, and once more as
 * its own page's current topic. A sidebar lists some thirty topics on every page, and laying each
 * out again on every page was most of the time a page took. The fragment sees {@code t}, {@code current}
 * and what every topic page shares ({@code site}, {@code assets}, {@code categories}, {@code root}); a
 * fragments template without it lays out no items, which only a sidebar that lists them misses.
 */
final class SidebarItems {
    static final String TEMPLATE = "fragments";
    static final String FRAGMENT = "topicNavItem";

    private final Templates templates;
    private final Supplier<Context> shared;
    /** Each topic's item, not current, by slug. */
    private final Map<String, String> kept = new ConcurrentHashMap<>();

    /** {@code shared}: a new context holding what every topic page shares. */
    SidebarItems(Templates templates, Supplier<Context> shared) {
        this.templates = templates;
        this.shared = shared;
    }

    /** {@code t}'s item, marked as the page's own when {@code current}. */
    String of(TopicLink t, boolean current) {
        if (current) {
            return layOut(t, true);
        }
        String item = kept.get(t.slug());
        if (item == null) {
            // Two pages may lay the same item out at once; they get the same text.
            item = layOut(t, false);
            kept.putIfAbsent(t.slug(), item);
        }
        return item;
    }

    private String layOut(TopicLink t, boolean current) {
        Context ctx = shared.get();
        ctx.setVariable("t", t);
        ctx.setVariable("current", current);
        return templates.fragment(TEMPLATE, FRAGMENT, ctx);
    }
}
