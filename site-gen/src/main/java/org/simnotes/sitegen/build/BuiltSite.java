package org.simnotes.sitegen.build;

import java.util.List;
import org.simnotes.sitegen.output.OutputFile;

/**
 * A rendered site held in memory, ready for a writer: every file in a fixed order, and what to report
 * (pages, the search index's size in bytes, warnings).
 */
public record BuiltSite(List<OutputFile> files, int pages, int searchIndexBytes, List<Problem> warnings) {
}
