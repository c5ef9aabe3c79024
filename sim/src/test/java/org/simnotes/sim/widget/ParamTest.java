package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.simnotes.simapi.SimException;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Widgets;

/** What an author may write for a control, and what the message says when it is not that. */
class ParamTest {
    private static final Widgets WIDGETS = Widgets.load(ParamTest.class.getClassLoader());

    private final Param n = param("dropout", "n");
    private final Param keepProb = param("dropout", "keepProb");
    private final Param scale = param("rnn", "scale");
    private final Param kernel = param("pool", "kernel");

    private static Param param(String widget, String key) {
        for (Param p : WIDGETS.byName(widget).params()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new AssertionError(widget + " has no parameter " + key);
    }

    private static String refusal(Param p, String raw) {
        return assertThrows(SimException.class, () -> p.parse(raw), raw).getMessage();
    }

    @Test
    void plainDecimalsOnTheControlsStepsAreRead() {
        assertEquals(64, n.parse("64"));
        assertEquals(256, n.parse(" 2.56e2 "));
        assertEquals(0.3, keepProb.parse("0.3"));
        assertEquals(0.35, keepProb.parse("0.35"));
        assertEquals(0.6, scale.parse("0.6"));
        assertEquals(2, scale.parse("2"));
    }

    @Test
    void aValueBetweenTheStepsNamesTheStep() {
        assertEquals("n must be a whole number between 16 and 256 in steps of 16, got 17", refusal(n, "17"));
        assertEquals("keepProb must be a number between 0.05 and 1 in steps of 0.05, got 0.33", refusal(keepProb, "0.33"));
        assertEquals("scale must be a number between 0.1 and 2 in steps of 0.05, got 0.12", refusal(scale, "0.12"));
    }

    @Test
    void spellingsOnlyJavaReadsAreRefused() {
        for (String raw : new String[] {"3d", "64d", ".5f", "0x1p1", "0x10", "NaN", "Infinity", "-Infinity", "1_000", "+64",
            ".5", "5.", "1e", "1e+", "--1", "6 4", "", "64f"}) {
            assertEquals("n must be a number, got '" + raw.trim() + "' (expected a whole number between 16 and 256 in steps of 16)",
                    refusal(n, raw));
        }
        assertEquals("kernel must be a number, got '0x1p1' (expected a whole number between 1 and 5)", refusal(kernel, "0x1p1"));
        assertEquals("keepProb must be a number, got '.5f' (expected a number between 0.05 and 1 in steps of 0.05)",
                refusal(keepProb, ".5f"));
    }

    @Test
    void rangeAndChoiceMessagesStayAsTheyWere() {
        assertEquals("kernel must be between 1 and 5, got 9", refusal(kernel, "9"));
        assertEquals("mode must be one of max, avg, got 'min'", refusal(param("pool", "mode"), "min"));
    }
}
