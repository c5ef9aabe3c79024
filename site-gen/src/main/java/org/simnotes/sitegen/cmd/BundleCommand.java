package org.simnotes.sitegen.cmd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.output.ZipBundle;
import org.simnotes.sitegen.pipeline.BuildOptions;
import org.simnotes.sitegen.pipeline.BuildResult;
import org.simnotes.sitegen.pipeline.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code site-gen bundle}: the site as one zip to read offline. It holds the same pages and assets as
 * the built site, without the files only a web host reads (404 page, sitemap, robots.txt, headers).
 * Exit 0 when written, 1 when the input has faults (the previous zip then stays as it was).
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Writes the site as one zip to read offline: unpack it and open index.html.")
final class BundleCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site = new SiteOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The zip to write (default: ${DEFAULT-VALUE}).")
    Path zip = Path.of("simnotes-site.zip");

    @Option(names = "--force", description = "Replace the output file even if it is not a zip (its content is lost).")
    boolean force;

    @Spec
    CommandSpec spec;

    @ParentCommand
    SimNotesCommand parent;

    @Override
    public Integer call() throws IOException {
        BuildReporter report = new BuildReporter(spec.commandLine().getOut(), spec.commandLine().getErr());
        long start = System.nanoTime();
        try (ProgressBar bar = ProgressBar.on(spec.commandLine().getErr(), parent.terminal())) {
            BuildOptions options = site.toBuildOptions(null, force);
            try (ZipBundle bundle = new ZipBundle(zip, options.outputGuard())) {
                BuildResult built = new SiteBuilder(options).render(bar, bundle);
                bar.close();
                long bytes = bundle.commit();
                report.bundled(built.warnings(), bundle.pages(), bytes, (System.nanoTime() - start) / 1_000_000, zip);
            }
            return 0;
        } catch (BuildException e) {
            report.failure(e, zip);
            return 1;
        }
    }
}
