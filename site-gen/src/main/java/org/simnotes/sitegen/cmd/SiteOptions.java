package org.simnotes.sitegen.cmd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.simnotes.sitegen.pipeline.BuildOptions;
import picocli.CommandLine.Option;

/** The sources and settings that {@code build}, {@code serve} and {@code bundle} share; each names its own output. */
final class SiteOptions {
    @Option(names = {"-c", "--content"}, paramLabel = "DIR", description = "Topics and site.yml (default: ${DEFAULT-VALUE}).")
    Path content = Path.of("content");

    @Option(names = {"-t", "--templates"}, paramLabel = "DIR",
            description = "Templates and assets that replace the built-in ones file by file (default: templates/ when there is one).")
    Path templates;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keeps rendered math between builds (default: ${DEFAULT-VALUE}).")
    Path cache = Path.of(".simnotes-cache");

    @Option(names = "--base-url", paramLabel = "URL", description = "Overrides base_url of site.yml.")
    String baseUrl;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    /** The templates folder given, or {@code templates/} when there is one; null: the built-in theme alone. */
    Path templates() {
        Path standard = Path.of("templates");
        return templates != null ? templates : Files.isDirectory(standard) ? standard : null;
    }

    /** The folders a change in which calls for a rebuild. */
    List<Path> sources() {
        return templates() == null ? List.of(content) : List.of(content, templates());
    }

    BuildOptions toBuildOptions(Path output, boolean force) {
        return new BuildOptions(content, templates(), output, cache, baseUrl, strict, force);
    }
}
