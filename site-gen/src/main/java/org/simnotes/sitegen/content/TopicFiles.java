package org.simnotes.sitegen.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The topic files of a content folder as one {@link ContentLoader#load(Path, TopicFiles, FileChanges)}
 * found them, each with its size, modification time and topic, so that the next load reads again
 * only the files that changed.
 */
public final class TopicFiles {
    /** By file, in file order; a file with faults has no topic and is read again by every load. */
    final Map<Path, Stamped> byFile = new TreeMap<>();

    record Stamped(long size, long modified, Topic topic) {
    }
}
