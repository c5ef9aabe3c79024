package org.simnotes.sitegen.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topic files of a content folder as one {@link ContentLoader#load(Path, TopicFiles, FileChanges)}
 * found them, each with its size, modification time and topic, so that the next load reads again
 * only the files that changed.
 */
public final class TopicFiles {
    /** By file, in file order; a file with faults has no topic and is read again by every load. */
    final Map<Path, Stamped> byFile = new TreeMap<>();

    /**
     * Front matter by its text ({@link FrontMatter}), as the last load found it: a load parses only front matter that is
     * not here. An edit's load adds to it; a load of every file keeps only what it found.
     */
    Map<String, FrontMatter> frontMatter = new ConcurrentHashMap<>();

    record Stamped(long size, long modified, Topic topic) {
    }

    /** The front matter of the last load, for a build in a new process to {@link #remember}. */
    public Map<String, FrontMatter> frontMatter() {
        return Map.copyOf(frontMatter);
    }

    /** Takes {@code kept} (what {@link #frontMatter} gave a build before) as known front matter. */
    public void remember(Map<String, FrontMatter> kept) {
        frontMatter.putAll(kept);
    }
}
