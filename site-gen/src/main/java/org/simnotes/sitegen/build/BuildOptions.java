package org.simnotes.sitegen.build;

import java.nio.file.Path;

/**
 * Where a build reads and writes. {@code baseUrl} overrides site.yml's when not null; {@code cacheDir}
 * keeps rendered formulas between builds (null: no cache on disk); {@code strict} fails the build on
 * warnings too.
 */
public record BuildOptions(Path contentDir, Path templatesDir, Path outputDir, Path cacheDir, String baseUrl,
                           boolean strict) {
}
