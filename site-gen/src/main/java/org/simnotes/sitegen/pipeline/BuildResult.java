package org.simnotes.sitegen.pipeline;

import java.util.List;
import org.simnotes.sitegen.fault.Problem;
import org.simnotes.sitegen.sims.CourseSims;

/**
 * What a finished build reports: pages written, the search index's size, warnings, how long it took,
 * how long until the pages were written (the dev server writes the search index after them), how
 * the course's own simulations were made ready and how many widgets they hold, and what the build did
 * rather than keep: topic bodies rendered from markdown, pages laid out, and files written to the output.
 */
public record BuildResult(int pages, int searchIndexBytes, List<Problem> warnings, long millis, long pagesMillis,
                          CourseSims.Outcome sims, int ownWidgets, int bodiesRendered, int pagesLaidOut, int filesWritten) {
}
