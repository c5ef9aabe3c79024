package org.simnotes.sitegen.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.simnotes.sitegen.output.OutputGuard;

/**
 * Where a build reads and writes. {@code baseUrl} overrides site.yml's when not null; {@code cacheDir}
 * keeps rendered formulas between builds (null: no cache on disk); {@code strict} fails the build on
 * warnings too; {@code force} lets the build replace an output folder SimNotes did not write.
 */
public record BuildOptions(Path contentDir, Path templatesDir, Path outputDir, Path cacheDir, String baseUrl,
                           boolean strict, boolean force) {

    /** What keeps the output away from these sources (and the user's folders). */
    public OutputGuard outputGuard() {
        Map<String, Path> sources = new LinkedHashMap<>();
        sources.put("content folder", contentDir);
        sources.put("templates folder", templatesDir);
        sources.put("math cache", cacheDir);
        return new OutputGuard(sources, force);
    }
}
