package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What {@code serve --help} promises a reader who runs it on a shared network. */
class ServeCommandTest {

    @Test
    void theServerListensOnlyOnTheLoopbackAddressUnlessToldOtherwise() {
        CliRun run = CliRun.of("serve", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("(?s).*--bind=ADDRESS\\s+Address to listen on \\(default: 127\\.0\\.0\\.1\\).*"), run.out());
    }
}
