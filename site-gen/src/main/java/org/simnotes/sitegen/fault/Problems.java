package org.simnotes.sitegen.fault;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects faults across a whole build stage so they are reported together, not one per run, in file
 * and line order, whatever order the stage's parallel work found them in.
 */
public final class Problems {
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public synchronized void error(Path file, int line, String message) {
        errors.add(new Problem(file, line, message));
    }

    public synchronized void warn(Path file, int line, String message) {
        warnings.add(new Problem(file, line, message));
    }

    /** Records here every fault {@code other} holds, as found by a part of this stage on its own. */
    public void addAll(Problems other) {
        List<Problem> e;
        List<Problem> w;
        synchronized (other) {
            e = List.copyOf(other.errors);
            w = List.copyOf(other.warnings);
        }
        synchronized (this) {
            errors.addAll(e);
            warnings.addAll(w);
        }
    }

    public synchronized boolean isEmpty() {
        return errors.isEmpty() && warnings.isEmpty();
    }

    public synchronized List<Problem> warnings() {
        return sorted(warnings);
    }

    /** Ends a stage: throws if any error was recorded. */
    public synchronized void throwIfAny() throws BuildException {
        if (!errors.isEmpty()) {
            throw new BuildException(sorted(errors));
        }
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream()
                .sorted(Comparator.comparing((Problem p) -> p.file() == null ? "" : p.file().toString()).thenComparingInt(Problem::line))
                .toList();
    }
}
