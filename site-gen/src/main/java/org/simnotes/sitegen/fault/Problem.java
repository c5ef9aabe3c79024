package org.simnotes.sitegen.fault;

import java.nio.file.Path;

/**
 * One fault in the input, located for the author: {@code file:line: message}. The line is 1-based;
 * 0 means the fault belongs to the whole file (or to a field named in the message).
 */
public record Problem(Path file, int line, String message) {

    public String describe(Path base) {
        String where = file == null ? "" : display(base) + (line > 0 ? ":" + line : "") + ": ";
        return where + message;
    }

    private String display(Path base) {
        Path abs = file.toAbsolutePath().normalize();
        if (base != null) {
            Path b = base.toAbsolutePath().normalize();
            if (abs.startsWith(b)) {
                return b.relativize(abs).toString();
            }
        }
        return file.toString();
    }
}
