package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.simnotes.sim.MlmMask;
import org.simnotes.sim.MlmMaskResult;

/** What a learner reads off the BERT masking view: the core's selection, drawn token by token, and its shares. */
class MaskWidgetTest {
    private final MaskWidget widget = new MaskWidget();

    @Test
    void theViewDrawsTheCoresSelectionOnTheSentence() {
        for (int seed : new int[] {5, 7, 123}) {
            View view = View.of(widget, "rate=0.3&seed=" + seed);
            MlmMaskResult r = MlmMask.select(MaskWidget.SENTENCE.length(), seed, MaskWidget.VOCAB.length(), 0.3);
            assertArrayEquals(r.selected(), View.ints(view.attrAfter(null, "data-selected")));
            assertEquals(String.join(" ", r.actions()), view.attrAfter(null, "data-actions"));
            assertArrayEquals(r.tokens(), View.ints(view.attrAfter(null, "data-tokens")));
            // Each selected box, in order: its position, its action and the token the model sees in it.
            Matcher box = Pattern.compile("data-position=\"(\\d+)\" data-action=\"(\\w+)\"/><text[^>]*>([^<]*)</text>"
                    + "<text[^>]*>→([^<]*)</text>").matcher(view.html);
            for (int i = 0; i < r.selected().length; i++) {
                assertTrue(box.find(), "a box for selected position " + r.selected()[i]);
                int pos = r.selected()[i];
                String original = MaskWidget.SENTENCE.substring(pos, pos + 1);
                assertEquals(pos, Integer.parseInt(box.group(1)));
                assertEquals(r.actions()[i], box.group(2));
                String seen = switch (r.actions()[i]) {
                    case MlmMask.MASK -> "MASK";
                    case MlmMask.RANDOM -> MaskWidget.VOCAB.substring(r.tokens()[i], r.tokens()[i] + 1);
                    default -> original;
                };
                assertEquals(seen, box.group(3), "what the model sees at " + pos);
                assertEquals(original, box.group(4), "the target under " + pos);
            }
            assertTrue(!box.find(), "no other box is marked");
            int[] counts = MaskWidget.counts(r.actions());
            assertEquals(counts[0] + " " + counts[1] + " " + counts[2], view.statExact("split"));
        }
    }

    @Test
    void theDefaultSelectionShowsEveryKindOfReplacement() {
        View view = View.of(widget, "");
        for (String action : new String[] {MlmMask.MASK, MlmMask.RANDOM, MlmMask.KEEP}) {
            assertTrue(view.count("data-action=\"" + action + "\"") > 0, "the page's first view has a " + action);
        }
        assertEquals(1, view.count(">CLS</text>"));
        assertEquals(1, view.count(">SEP</text>"));
    }

    @Test
    void overManyTokensTheSharesAreBertsFifteenAndEightyTenTen() {
        View view = View.of(widget, "rate=0.15&seed=9");
        int[] many = View.ints(view.statExact("many"));
        int n = MaskWidget.MANY;
        assertEquals(0.15, (double) many[0] / n, 4 * Math.sqrt(0.15 * 0.85 / n), "share selected");
        double sd = 4 * Math.sqrt(0.1 * 0.9 / many[0]);
        assertEquals(0.8, (double) many[1] / many[0], 2 * sd, "[MASK]");
        assertEquals(0.1, (double) many[2] / many[0], sd, "random");
        assertEquals(0.1, (double) many[3] / many[0], sd, "kept");
        assertEquals(many[0], many[1] + many[2] + many[3]);
        MlmMaskResult r = MlmMask.select(n, 9, MaskWidget.VOCAB.length(), 0.15);
        assertEquals(r.selected().length, many[0], "the figures are the core's");
    }

    @Test
    void aHigherRateSelectsMoreOfTheSentence() {
        int low = View.ints(View.of(widget, "rate=0.05&seed=3").statExact("selected"))[0];
        int high = View.ints(View.of(widget, "rate=0.5&seed=3").statExact("selected"))[0];
        assertTrue(high > low, low + " then " + high);
    }
}
