package org.simnotes.sitegen.content;

import java.nio.file.Path;
import java.util.Set;

/**
 * What changed in the sources since the last load, as a file watcher saw it: the files in
 * {@code paths}, or, when {@code any}, anything (every file is looked at again).
 */
public record FileChanges(boolean any, Set<Path> paths) {
    public static final FileChanges ANY = new FileChanges(true, Set.of());
    public static final FileChanges NONE = new FileChanges(false, Set.of());

    public static FileChanges of(Set<Path> paths) {
        return new FileChanges(false, Set.copyOf(paths));
    }
}
