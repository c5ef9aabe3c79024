package org.simnotes.sitegen.render;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.simnotes.sitegen.content.SiteConfig;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Lays pages out with the Thymeleaf templates of the templates folder. Every page receives
 * {@code site}, {@code assets} (logical name to hashed path), {@code categories}, {@code path} (its own
 * path), {@code title}, {@code description}, {@code root} (what links to other files of the site start
 * with), {@code canonical} (its full address, or null) and {@code indexable} (false for the 404 and
 * search pages, which search engines should not list); topic pages add {@code topic} and {@code nav}, their
 * {@link Sidebar}, whose categories carry their topics' items as {@link SidebarItems} lays them out.
 *
 * <p>Links are relative, so pages work from any folder and from file://, except on the 404 page: a host
 * serves it for any missing address (/a/b/c), so its links start from the site's base path instead.
 */
public final class PageRenderer {
    private final Templates templates;
    private final SiteConfig site;
    /** Logical name to hashed path, as the pages at the top of the site link them. */
    private final Map<String, String> assets;
    private final List<CategoryView> categories;
    /** Each topic's category and place in it, for its sidebar. */
    private final Map<String, int[]> positions = new HashMap<>();
    private final SidebarItems items;

    public PageRenderer(Templates templates, SiteConfig site, Map<String, String> assets, List<CategoryView> categories) {
        this.templates = templates;
        this.site = site;
        this.assets = prefixed(assets, "");
        this.categories = categories;
        this.items = new SidebarItems(templates, () -> context(""));
        for (int c = 0; c < categories.size(); c++) {
            List<TopicLink> topics = categories.get(c).topics();
            for (int i = 0; i < topics.size(); i++) {
                positions.put(topics.get(i).slug(), new int[] {c, i});
            }
        }
    }

    /** The categories with links that work from {@code root} (the 404 page is served at any depth). */
    private List<CategoryView> categoriesAt(String root) {
        return categories.stream()
                .map(c -> c.withLinks(t -> new TopicLink(t.slug(), t.title(), t.summary(), root + t.href())))
                .toList();
    }

    /** The sidebar of one topic page. */
    private Sidebar sidebar(String slug) {
        int[] at = positions.getOrDefault(slug, new int[2]);
        return Sidebar.of(categories, at[0], at[1]).withItems(t -> items.of(t, t.slug().equals(slug)));
    }

    public Page home() {
        return render("home", "index.html", site.title(), site.description(), null, "", true);
    }

    public Page notFound() {
        return render("404", "404.html", "页面不存在 · " + site.title(), site.description(), null, site.basePath(), false);
    }

    public Page search() {
        return render("search", "search.html", "搜索 · " + site.title(), "在全部题目中搜索 · " + site.title(), null, "", false);
    }

    public Page topic(TopicView topic) {
        return render("topic", topic.slug() + ".html", topic.title() + " · " + site.title(), topic.summary(), topic, "", true);
    }

    private Page render(String template, String path, String title, String description, TopicView topic, String root,
                        boolean indexable) {
        try {
            Context ctx = context(root);
            ctx.setVariable("nav", topic == null ? null : sidebar(topic.slug()));
            ctx.setVariable("path", path);
            ctx.setVariable("title", title);
            ctx.setVariable("description", description);
            ctx.setVariable("topic", topic);
            ctx.setVariable("indexable", indexable);
            ctx.setVariable("canonical", indexable && site.hasAbsoluteBaseUrl() ? site.urlOf(path) : null);
            return new Page(path, templates.process(template, ctx));
        } catch (TemplateProcessingException e) {
            String name = e.getTemplateName() == null ? template : Path.of(e.getTemplateName()).getFileName().toString();
            // Thymeleaf appends "(template: …)"; the template and line are said by the caller.
            String why = e.getMessage().replaceFirst("\\s*\\(template: .*\\)\\s*$", "")
                    .replaceFirst("^Exception evaluating (OGNL|SpringEL) expression:", "cannot evaluate");
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause != e && cause.getMessage() != null && !cause.getMessage().startsWith("Exception evaluating")) {
                why += " (" + cause.getMessage() + ")";
            }
            throw new TemplateError(name.endsWith(".html") ? name : name + ".html", e.getLine() == null ? 0 : e.getLine(), why, e);
        }
    }

    /** A context with what every page at depth {@code root} shares: the site, its assets, its categories and {@code root}. */
    private Context context(String root) {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("site", site);
        ctx.setVariable("assets", root.isEmpty() ? assets : prefixed(assets, root));
        ctx.setVariable("categories", root.isEmpty() ? categories : categoriesAt(root));
        ctx.setVariable("root", root);
        return ctx;
    }

    /** Made once for all the pages at one depth, and read only: a template may iterate it, in a hash map's order. */
    private static Map<String, String> prefixed(Map<String, String> assets, String root) {
        Map<String, String> out = new HashMap<>();
        assets.forEach((name, file) -> out.put(name, root + file));
        return Collections.unmodifiableMap(out);
    }
}
