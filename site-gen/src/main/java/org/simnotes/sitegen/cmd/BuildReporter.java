package org.simnotes.sitegen.cmd;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.simnotes.sitegen.build.BuildException;
import org.simnotes.sitegen.build.BuildResult;
import org.simnotes.sitegen.build.Problem;

/** How {@code build} and {@code serve} tell the author what happened: one line, or every fault. */
final class BuildReporter {
    private final PrintWriter out;
    private final PrintWriter err;

    BuildReporter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    void success(BuildResult result, Path output) {
        for (Problem w : result.warnings()) {
            err.println(w.describe(Path.of("")).replaceFirst("^(.*?: )?", "$1warning: "));
        }
        out.printf(Locale.ROOT, "Built %d pages and a %d KB search index in %.2f s, %d warning%s → %s%n", result.pages(),
                (result.searchIndexBytes() + 1023) / 1024, result.millis() / 1000.0, result.warnings().size(), result.warnings().size() == 1 ? "" : "s", output);
        out.flush();
        err.flush();
    }

    void failure(BuildException e, Path output) {
        for (Problem p : e.problems()) {
            err.println(p.describe(Path.of("")));
        }
        int n = e.problems().size();
        err.printf("Build failed with %d error%s; %s was left as it was.%n", n, n == 1 ? "" : "s", output);
        err.flush();
    }
}
