package org.simnotes.sitegen.cmd;

import java.io.PrintWriter;
import org.simnotes.sitegen.pipeline.Progress;

/**
 * A one-line bar on the terminal, drawn only after the build has run for a moment so quick builds
 * print nothing but their summary; never drawn when the output is not a terminal.
 */
final class ProgressBar implements Progress, AutoCloseable {
    private static final long DELAY_NANOS = 400_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter term;
    private final long start = System.nanoTime();
    private boolean drawn;

    private ProgressBar(PrintWriter term) {
        this.term = term;
    }

    /** A bar drawn on {@code err} when it is a terminal, and nowhere otherwise. */
    static ProgressBar on(PrintWriter err, boolean terminal) {
        return new ProgressBar(terminal ? err : null);
    }

    @Override
    public synchronized void step(int done, int total) {
        if (term == null || total == 0 || System.nanoTime() - start < DELAY_NANOS) {
            return;
        }
        int filled = done * WIDTH / total;
        term.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " topics");
        term.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            term.print("\r" + " ".repeat(WIDTH + 20) + "\r");
            term.flush();
        }
    }
}
