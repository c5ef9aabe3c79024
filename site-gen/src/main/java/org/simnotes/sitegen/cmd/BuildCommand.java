package org.simnotes.sitegen.cmd;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.pipeline.BuildResult;
import org.simnotes.sitegen.pipeline.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code site-gen build}: writes the site once. Exit 0 when built, 1 when the input has faults. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Builds the site into the output folder.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site = new SiteOptions();

    @Mixin
    SiteFolderOption folder = new SiteFolderOption();

    @Spec
    CommandSpec spec;

    @ParentCommand
    SimNotesCommand parent;

    @Override
    public Integer call() throws IOException {
        BuildReporter report = new BuildReporter(spec.commandLine().getOut(), spec.commandLine().getErr());
        try (ProgressBar bar = ProgressBar.on(spec.commandLine().getErr(), parent.terminal())) {
            BuildResult result = new SiteBuilder(site.toBuildOptions(folder.output, folder.force), parent.reuse()).build(bar);
            bar.close();
            report.success(result, folder.output);
            return 0;
        } catch (BuildException e) {
            report.failure(e, folder.output);
            return 1;
        }
    }
}
