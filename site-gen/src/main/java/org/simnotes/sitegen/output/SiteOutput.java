package org.simnotes.sitegen.output;

import java.io.IOException;

/**
 * Where a build puts the site's files as it renders them, from several threads at once, so no build
 * holds the whole site in memory. Nothing a reader sees changes until the writer's own commit step.
 */
public interface SiteOutput {
    void add(OutputFile file) throws IOException;

    /**
     * Whether the last committed build wrote a file at {@code path} that this one may {@link #keep},
     * so a page whose inputs did not change need not be rendered again. Only the dev server's output
     * has such files.
     */
    default boolean has(String path) {
        return false;
    }

    /** Keeps the file the last committed build wrote at {@code path}, which this output {@link #has}. */
    default void keep(String path) {
        throw new IllegalStateException("no file " + path + " to keep");
    }
}
