package org.simnotes.sitegen.build;

import java.util.List;

/** What a finished build reports: pages written, the search index's size, warnings, and how long it took. */
public record BuildResult(int pages, int searchIndexBytes, List<Problem> warnings, long millis) {
}
