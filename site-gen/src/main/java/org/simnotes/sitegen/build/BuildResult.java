package org.simnotes.sitegen.build;

import java.util.List;

/** What a finished build reports: pages written, warnings, and how long it took. */
public record BuildResult(int pages, List<Problem> warnings, long millis) {
}
