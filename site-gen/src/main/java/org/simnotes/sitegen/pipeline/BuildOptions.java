package org.simnotes.sitegen.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simnotes.sitegen.output.OutputGuard;

/**
 * Where a build reads and writes. {@code baseUrl} overrides site.yml's when not null; {@code cacheDir}
 * keeps rendered formulas and compiled simulations between builds (null: no cache on disk); {@code strict}
 * fails the build on warnings too; {@code force} lets the build replace an output folder SimNotes did not
 * write; {@code widgetClasses} are folders of compiled widget classes (a Maven project's) besides the
 * course's {@code sims/}.
 */
public record BuildOptions(Path contentDir, Path templatesDir, Path outputDir, Path cacheDir, String baseUrl,
                           boolean strict, boolean force, List<Path> widgetClasses) {

    public BuildOptions {
        widgetClasses = List.copyOf(widgetClasses);
    }

    /** A build of a course whose only widgets are the built-in ones and those under its {@code sims/}. */
    public BuildOptions(Path contentDir, Path templatesDir, Path outputDir, Path cacheDir, String baseUrl,
                        boolean strict, boolean force) {
        this(contentDir, templatesDir, outputDir, cacheDir, baseUrl, strict, force, List.of());
    }

    /** What keeps the output away from these sources (and the user's folders). */
    public OutputGuard outputGuard() {
        Map<String, Path> sources = new LinkedHashMap<>();
        sources.put("content folder", contentDir);
        sources.put("templates folder", templatesDir);
        sources.put("math cache", cacheDir);
        return new OutputGuard(sources, force);
    }
}
