package org.simnotes.sitegen.pipeline;

/**
 * The builds of {@link CommandLineRebuildTest} in one process that keeps what {@link Reuse} keeps from each
 * build for the next, as the build daemon does: each gives the bytes a fresh build gives, and renders,
 * lays out and writes as little.
 */
class DaemonRebuildTest extends CommandLineRebuildTest {
    private final Reuse reuse = new Reuse();

    @Override
    Reuse reuse() {
        return reuse;
    }
}
