package org.simnotes.sitegen.build;

import java.util.List;
import org.simnotes.sitegen.output.OutputFile;

/** A rendered site held in memory, ready for a writer: every file in a fixed order, and what to report. */
public record BuiltSite(List<OutputFile> files, int pages, List<Problem> warnings) {
}
