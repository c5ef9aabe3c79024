package org.simnotes.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.simnotes.simapi.SimException;

class DependencyScheduleTest {

    @Test
    void anRnnTakesOneStepAPosition() {
        int[] steps = DependencySchedule.steps(5, DependencySchedule.recurrent(5));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, steps);
        assertEquals(5, DependencySchedule.length(steps));
    }

    @Test
    void attentionInTrainingComputesEveryPositionInTheFirstStep() {
        int[] steps = DependencySchedule.steps(7, DependencySchedule.attentionTraining(7));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, steps);
        assertEquals(1, DependencySchedule.length(steps));
    }

    @Test
    void decodingMakesOneTokenAStepThoughEachReadsAllEarlierOnes() {
        boolean[] waits = DependencySchedule.decoding(4);
        assertEquals(6, count(waits), "position i waits for its i predecessors: 0 + 1 + 2 + 3");
        assertArrayEquals(new int[] {1, 2, 3, 4}, DependencySchedule.steps(4, waits));
    }

    @Test
    void aPositionIsReadyAfterTheLatestOfWhatItWaitsFor() {
        // 0 → 1 → 2 and 0 → 3; 4 waits for 2 and 3: the longer chain decides.
        boolean[] waits = new boolean[25];
        waits[1 * 5 + 0] = true;
        waits[2 * 5 + 1] = true;
        waits[3 * 5 + 0] = true;
        waits[4 * 5 + 2] = true;
        waits[4 * 5 + 3] = true;
        assertArrayEquals(new int[] {1, 2, 3, 2, 4}, DependencySchedule.steps(5, waits));
    }

    @Test
    void aPositionCannotWaitForItselfOrALaterOne() {
        boolean[] waits = new boolean[9];
        waits[1 * 3 + 2] = true;
        assertEquals("position 1 waits for position 2, which does not come before it",
                assertThrows(SimException.class, () -> DependencySchedule.steps(3, waits)).getMessage());
        assertEquals("waitsFor must have n*n = 9 entries, got 4",
                assertThrows(SimException.class, () -> DependencySchedule.steps(3, new boolean[4])).getMessage());
        assertThrows(SimException.class, () -> DependencySchedule.recurrent(0));
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
