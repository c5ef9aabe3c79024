package org.simnotes.sitegen.cmd;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.simnotes.sitegen.content.FileChanges;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.pipeline.Progress;
import org.simnotes.sitegen.pipeline.SiteBuilder;
import org.simnotes.sitegen.serve.DevServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code site-gen serve}: builds, serves the output folder on the loopback address, and rebuilds when
 * content or templates change, reloading the open pages. A failed rebuild keeps serving the last good site.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Builds the site, serves it on 127.0.0.1 and rebuilds on every change.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site = new SiteOptions();

    @Mixin
    SiteFolderOption folder = new SiteFolderOption();

    @Option(names = {"-p", "--port"}, description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8000;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            err.printf("--port %d: not a port number (0 to 65535)%n", port);
            err.flush();
            return 2;
        }
        BuildReporter report = new BuildReporter(spec.commandLine().getOut(), err);
        // The sources are watched from before the first build reads them, so the changes a rebuild is
        // told of are all the changes since.
        try (SiteBuilder builder = new SiteBuilder(site.toBuildOptions(folder.output, folder.force));
             DevServer server = new DevServer(folder.output, bind, port, site.sources(),
                     (changes, pagesWritten) -> rebuild(builder, report, changes, pagesWritten))) {
            if (!rebuild(builder, report, FileChanges.ANY, () -> { })) {
                return 1;
            }
            spec.commandLine().getOut().printf("Serving %s at http://%s:%d/ (Ctrl+C to stop)%n", folder.output, bind,
                    server.address().getPort());
            spec.commandLine().getOut().flush();
            new CountDownLatch(1).await();
        } catch (UnknownHostException e) {
            err.printf("--bind %s: no such host%n", bind);
            err.flush();
            return 2;
        } catch (SocketException e) {
            err.printf("--bind %s --port %d: cannot listen there: %s%n", bind, port, e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.printf("cannot serve %s: %s%n", folder.output, e);
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            // Stopped by whoever runs this command in its own thread.
        }
        return 0;
    }

    private synchronized boolean rebuild(SiteBuilder builder, BuildReporter report, FileChanges changes, Runnable pagesWritten) {
        try {
            report.served(builder.update(Progress.NONE, changes, pagesWritten), folder.output);
            return true;
        } catch (BuildException e) {
            report.failure(e, folder.output);
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot write " + folder.output + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
        } catch (RuntimeException | Error e) {
            // A fault of the generator itself, such as running out of stack on a deeply nested topic, fails
            // this rebuild only: the last good site is still served and the next change rebuilds.
            spec.commandLine().getErr().printf("Rebuild failed: %s; %s was left as it was.%n", e, folder.output);
            spec.commandLine().getErr().flush();
        }
        return false;
    }
}
