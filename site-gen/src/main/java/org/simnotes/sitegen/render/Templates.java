package org.simnotes.sitegen.render;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.simnotes.sitegen.content.SourceFolder;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateInputException;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresource.FileTemplateResource;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * The Thymeleaf templates: the generator's own, each replaced by a file of the same name in a course's
 * templates folder when it has one. Each is parsed on first use and kept, so the dev server, which keeps
 * this while the folder does not change, lays out an edited page without parsing the templates again.
 */
public final class Templates {
    private final TemplateEngine engine = new TemplateEngine();

    /** The templates of {@code dir} over the built-in ones; {@code dir} null: the built-in ones alone. */
    public Templates(Path dir) {
        engine.setDialect(dialect());
        if (dir != null) {
            FileTemplateResolver own = new InsideFolder(dir);
            own.setPrefix(dir.toAbsolutePath() + "/");
            own.setCheckExistence(true);
            own.setOrder(1);
            configure(own);
            engine.addTemplateResolver(own);
        }
        ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        builtIn.setPrefix(BuiltInTheme.ROOT);
        builtIn.setOrder(2);
        configure(builtIn);
        engine.addTemplateResolver(builtIn);
    }

    /** Thymeleaf's standard dialect, with paths of names read by {@link VariablePaths}. */
    static StandardDialect dialect() {
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new VariablePaths(dialect.getVariableExpressionEvaluator()));
        return dialect;
    }

    private static void configure(AbstractConfigurableTemplateResolver resolver) {
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
    }

    /** What the fragment {@code fragment} of {@code template} lays out with the variables of {@code ctx}. */
    String fragment(String template, String fragment, Context ctx) {
        return engine.process(new TemplateSpec(template, Set.of(fragment), (TemplateMode) null, null), ctx);
    }

    /** Starts the engine and lays out one sidebar item of a made-up topic, so that the first page finds both ready. */
    public void warmUp() {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("t", new TopicLink("warm-up", "", "", "warm-up.html"));
        ctx.setVariable("current", false);
        fragment(SidebarItems.TEMPLATE, SidebarItems.FRAGMENT, ctx);
    }

    /** The page {@code template} lays out with the variables of {@code ctx}, in UTF-8. */
    byte[] process(String template, Context ctx) {
        Utf8Buffer page = new Utf8Buffer();
        engine.process(template, ctx, page);
        return page.toByteArray();
    }

    /**
     * Reads a template only where its real path, links resolved, is inside the templates folder, so
     * neither a link nor a template name such as {@code ../x} lays a page out of a file from elsewhere.
     */
    private static final class InsideFolder extends FileTemplateResolver {
        private final Path dir;

        InsideFolder(Path dir) {
            this.dir = dir;
        }

        @Override
        protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate, String template,
                                                            String resourceName, String characterEncoding,
                                                            Map<String, Object> templateResolutionAttributes) {
            Path file = Path.of(resourceName);
            try {
                SourceFolder folder = new SourceFolder(dir);
                Path real = folder.inside(file);
                if (real == null) {
                    throw new TemplateInputException("template '" + template + "' " + folder.outside(file));
                }
                return new FileTemplateResource(real.toString(), characterEncoding);
            } catch (NoSuchFileException e) {
                // Thymeleaf names the missing template itself.
                return super.computeTemplateResource(configuration, ownerTemplate, template, resourceName, characterEncoding,
                        templateResolutionAttributes);
            } catch (IOException e) {
                throw new TemplateInputException("cannot read template '" + template + "': " + e.getMessage(), e);
            }
        }
    }
}
