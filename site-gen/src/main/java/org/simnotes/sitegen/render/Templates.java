package org.simnotes.sitegen.render;

import java.nio.file.Path;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The Thymeleaf templates of a templates folder. Each is parsed on first use and kept, so the dev
 * server, which keeps this while the folder does not change, lays out an edited page without parsing
 * the templates again.
 */
public final class Templates {
    private final TemplateEngine engine = new TemplateEngine();

    public Templates(Path dir) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(dir.toAbsolutePath() + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    String process(String template, Context ctx) {
        return engine.process(template, ctx);
    }
}
