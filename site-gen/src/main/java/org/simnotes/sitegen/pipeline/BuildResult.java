package org.simnotes.sitegen.pipeline;

import java.util.List;
import org.simnotes.sitegen.fault.Problem;

/**
 * What a finished build reports: pages written, the search index's size, warnings, how long it took,
 * and how long until the pages were written (the dev server writes the search index after them).
 */
public record BuildResult(int pages, int searchIndexBytes, List<Problem> warnings, long millis, long pagesMillis) {
}
