package org.simnotes.sitegen.cmd;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.fault.Problem;
import org.simnotes.sitegen.pipeline.BuildResult;

/** How {@code build}, {@code serve} and {@code bundle} tell the author what happened: one line, or every fault. */
final class BuildReporter {
    private final PrintWriter out;
    private final PrintWriter err;

    BuildReporter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    void success(BuildResult result, Path output) {
        warnings(result.warnings());
        simulations(result);
        out.printf(Locale.ROOT, "Built %d pages and a %d KB search index in %.2f s (%s), %s → %s%n", result.pages(),
                (result.searchIndexBytes() + 1023) / 1024, result.millis() / 1000.0, work(result), count(result.warnings()), output);
        out.flush();
    }

    /** For the dev server, which writes the pages first and the search index after them. */
    void served(BuildResult result, Path output) {
        warnings(result.warnings());
        simulations(result);
        out.printf(Locale.ROOT, "Built %d pages in %.2f s and a %d KB search index in %.2f s, %s → %s%n", result.pages(),
                result.pagesMillis() / 1000.0, (result.searchIndexBytes() + 1023) / 1024, result.millis() / 1000.0,
                count(result.warnings()), output);
        out.flush();
    }

    void bundled(List<Problem> warnings, int pages, long bytes, long millis, Path zip) {
        warnings(warnings);
        out.printf(Locale.ROOT, "Bundled %d pages, %.1f KB, in %.2f s, %s → %s%n", pages, bytes / 1024.0,
                millis / 1000.0, count(warnings), zip);
        out.flush();
    }

    /** What became of the course's own widgets, when it has some: compiled now, or taken from the cache. */
    private void simulations(BuildResult result) {
        int n = result.ownWidgets();
        String widgets = n + " widget" + (n == 1 ? "" : "s") + " of the course's own";
        switch (result.sims()) {
            case COMPILED -> out.println("Simulations: compiled " + widgets + " with javac and TeaVM");
            case CACHED -> out.println("Simulations: " + widgets + " unchanged, from the cache (neither javac nor TeaVM ran)");
            case BUILT_IN -> { }
        }
    }

    private void warnings(List<Problem> warnings) {
        for (Problem w : warnings) {
            err.println(w.describe(Path.of("")).replaceFirst("^(.*?: )?", "$1warning: "));
        }
        err.flush();
    }

    /** What the build did rather than keep from the last one. */
    private static String work(BuildResult result) {
        return result.bodiesRendered() + " bodies rendered, " + result.pagesLaidOut() + " pages laid out, " + result.filesWritten() + " files written";
    }

    private static String count(List<Problem> warnings) {
        return warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s");
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
