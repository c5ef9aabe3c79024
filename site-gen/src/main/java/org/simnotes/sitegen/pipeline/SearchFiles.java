package org.simnotes.sitegen.pipeline;

import java.util.List;
import org.simnotes.sitegen.output.OutputFile;

/**
 * The search index's files: all of them, those made again since the last render (the rest are as
 * they were written then), and the names of files that render wrote and this one does not.
 */
record SearchFiles(List<OutputFile> all, List<OutputFile> fresh, List<String> gone) {
    int bytes() {
        return all.stream().mapToInt(f -> f.bytes().length).sum();
    }
}
