package org.simnotes.sitegen.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.simnotes.sitegen.content.SiteConfig;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Lays pages out with the Thymeleaf templates of the templates folder. Every page receives
 * {@code site}, {@code assets} (logical name to hashed relative path), {@code categories},
 * {@code page} (its own path, for the canonical link) and {@code title}; topic pages add {@code topic}.
 */
public final class PageRenderer {
    private final TemplateEngine engine = new TemplateEngine();
    private final SiteConfig site;
    private final Map<String, String> assets;
    private final List<CategoryView> categories;

    public PageRenderer(Path templatesDir, SiteConfig site, Map<String, String> assets, List<CategoryView> categories) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(templatesDir.toAbsolutePath() + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        this.site = site;
        this.assets = assets;
        this.categories = categories;
    }

    public Page home() {
        return render("home", "index.html", site.title(), site.description(), null);
    }

    public Page notFound() {
        return render("404", "404.html", "页面不存在 · " + site.title(), site.description(), null);
    }

    public Page search() {
        return render("search", "search.html", "搜索 · " + site.title(), "在全部题目中搜索 · " + site.title(), null);
    }

    public Page topic(TopicView topic) {
        return render("topic", topic.slug() + ".html", topic.title() + " · " + site.title(), topic.summary(), topic);
    }

    private Page render(String template, String path, String title, String description, TopicView topic) {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("site", site);
        ctx.setVariable("assets", assets);
        ctx.setVariable("categories", categories);
        ctx.setVariable("path", path);
        ctx.setVariable("title", title);
        ctx.setVariable("description", description);
        ctx.setVariable("topic", topic);
        try {
            return new Page(path, engine.process(template, ctx));
        } catch (TemplateProcessingException e) {
            String name = e.getTemplateName() == null ? template : Path.of(e.getTemplateName()).getFileName().toString();
            // Thymeleaf appends "(template: …)"; the template and line are said by the caller.
            String why = e.getMessage().replaceFirst("\\s*\\(template: .*\\)\\s*$", "")
                    .replaceFirst("^Exception evaluating (OGNL|SpringEL) expression:", "cannot evaluate");
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root != e && root.getMessage() != null && !root.getMessage().startsWith("Exception evaluating")) {
                why += " (" + root.getMessage() + ")";
            }
            throw new TemplateError(name.endsWith(".html") ? name : name + ".html", e.getLine() == null ? 0 : e.getLine(), why, e);
        }
    }
}
