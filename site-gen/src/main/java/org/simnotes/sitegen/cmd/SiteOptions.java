package org.simnotes.sitegen.cmd;

import java.nio.file.Path;
import org.simnotes.sitegen.pipeline.BuildOptions;
import picocli.CommandLine.Option;

/** The sources and settings that {@code build}, {@code serve} and {@code bundle} share; each names its own output. */
final class SiteOptions {
    @Option(names = {"-c", "--content"}, paramLabel = "DIR", description = "Topics and site.yml (default: ${DEFAULT-VALUE}).")
    Path content = Path.of("content");

    @Option(names = {"-t", "--templates"}, paramLabel = "DIR", description = "Thymeleaf templates and assets (default: ${DEFAULT-VALUE}).")
    Path templates = Path.of("templates");

    @Option(names = "--cache", paramLabel = "DIR", description = "Keeps rendered math between builds (default: ${DEFAULT-VALUE}).")
    Path cache = Path.of(".simnotes-cache");

    @Option(names = "--base-url", paramLabel = "URL", description = "Overrides base_url of site.yml.")
    String baseUrl;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    BuildOptions toBuildOptions(Path output, boolean force) {
        return new BuildOptions(content, templates, output, cache, baseUrl, strict, force);
    }
}
