package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.simnotes.simapi.WidgetState;

/** Step counts a learner reads off the parallelism view: n for an RNN, 1 for attention in training, n decoding. */
class ParallelWidgetTest {
    private final ParallelWidget widget = new ParallelWidget();

    @Test
    void anRnnNeedsAStepAPositionAndAttentionInTrainingOne() {
        for (int n = 2; n <= 8; n++) {
            View view = View.of(widget, "n=" + n + "&phase=train&step=1");
            int[] order = new int[n];
            int[] ones = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i + 1;
                ones[i] = 1;
            }
            assertArrayEquals(order, View.ints(view.attrAfter(null, "data-rnn-steps")));
            assertArrayEquals(ones, View.ints(view.attrAfter(null, "data-attention-steps")));
            assertEquals(Integer.toString(n), view.statExact("rnnSteps"));
            assertEquals("1", view.statExact("attentionSteps"));
            assertEquals("1 " + n, view.statExact("done"), "after step 1 the RNN has one position, attention all");
            assertEquals(n - 1, view.count("l-4 -3m4 3l-4 3"), "an arrow from each RNN position to the next");
        }
    }

    @Test
    void decodingStillMakesOneTokenAStep() {
        View view = View.of(widget, "n=6&phase=decode&step=4");
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, View.ints(view.attrAfter(null, "data-attention-steps")));
        assertEquals("6", view.statExact("attentionSteps"));
        assertEquals("4 4", view.statExact("done"));
        assertEquals(2 * 5, view.count("l-4 -3m4 3l-4 3"), "both rows are chains");
    }

    @Test
    void eachPositionIsShadedOnceItsStepHasCome() {
        View view = View.of(widget, "n=5&phase=train&step=3");
        assertEquals(2 + 5, view.count("class=\"cell level-2\" data-step"), "RNN positions 1 and 2 and every attention one are done");
        assertEquals(1, view.count("class=\"cell level-3 selected\" data-step"), "RNN position 3 is computed in this step");
        assertEquals(2, view.count("class=\"cell padding\" data-step"), "RNN positions 4 and 5 wait");
    }

    @Test
    void theStepStaysWithinTheSequence() {
        WidgetState s = WidgetState.fromQuery(widget, "n=3&step=8");
        assertTrue(s.query().contains("step=3"), s.query());
    }
}
