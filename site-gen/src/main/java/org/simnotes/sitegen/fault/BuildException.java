package org.simnotes.sitegen.fault;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A build that cannot go on: carries every fault found, so an author fixes them in one pass. */
public final class BuildException extends Exception {
    private final List<Problem> problems;

    public BuildException(List<Problem> problems) {
        super(problems.stream().map(p -> p.describe(null)).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public BuildException(Path file, int line, String message) {
        this(List.of(new Problem(file, line, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
