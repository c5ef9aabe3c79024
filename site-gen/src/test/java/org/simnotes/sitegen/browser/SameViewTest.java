package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The comparison the widget browser test rests on: what it lets pass and what it catches. */
class SameViewTest {
    private static final String VIEW = "<div class=\"sim-state\" data-query=\"p=0.3&amp;n=4\">"
            + "<svg width=\"120\" viewBox=\"0 0 120 40\" data-values=\"0.1 0.30000000000000004 2.5E-7\">"
            + "<rect x=\"0\" y=\"8.5\" class=\"cell level-2\"/><text x=\"4\" class=\"cell-value\">h1</text></svg>"
            + "<dl class=\"sim-stats\"><div><dt>‖∂L/∂h₀‖</dt><dd data-stat=\"grad\" data-value=\"0.8414709848078965\">8.41e-1</dd></div></dl></div>";

    @Test
    void theMarkupABrowserWritesBackIsTheSameView() {
        // As innerHTML gives it: empty elements closed, attributes in another order, & escaped again.
        String browser = "<div data-query=\"p=0.3&amp;n=4\" class=\"sim-state\">"
                + "<svg width=\"120\" viewBox=\"0 0 120 40\" data-values=\"0.1 0.30000000000000004 2.5E-7\">"
                + "<rect x=\"0\" y=\"8.5\" class=\"cell level-2\"></rect><text x=\"4\" class=\"cell-value\">h1</text></svg>"
                + "<dl class=\"sim-stats\"><div><dt>‖∂L/∂h₀‖</dt><dd data-value=\"0.8414709848078965\" data-stat=\"grad\">8.41e-1</dd></div></dl></div>";
        assertNull(SameView.difference(VIEW, browser));
    }

    @Test
    void numbersMayDifferInTheirLastDigitsOnly() {
        assertNull(SameView.difference(VIEW, VIEW.replace("0.30000000000000004", "0.3").replace("0.8414709848078965", "0.8414709848078966")),
                "the shortest spelling of the same double, and a transcendental one bit off");
        assertNull(SameView.difference(VIEW, VIEW.replace("0.8414709848078965", "0.8414709849078965")), "1.2 parts in 10^10");
        assertEquals("/div[0].sim-state/dl[1].sim-stats/div[0]/dd[1]: @data-value: expected '0.8414709848078965', got '0.8414709858078965'",
                SameView.difference(VIEW, VIEW.replace("0.8414709848078965", "0.8414709858078965")), "1.2 parts in 10^9");
        assertEquals("/div[0].sim-state/svg[0]: @data-values: expected '0.1 0.30000000000000004 2.5E-7', got '0.1 0.30000000000000004 2.5000001E-7'",
                SameView.difference(VIEW, VIEW.replace("2.5E-7", "2.5000001E-7")));
    }

    @Test
    void wholeNumbersTextAndStructureMustBeEqual() {
        assertEquals("/div[0].sim-state/svg[0]/rect[0].cell.level-2: @class: expected 'cell level-2', got 'cell level-3'",
                SameView.difference(VIEW, VIEW.replace("level-2", "level-3")));
        assertEquals("/div[0].sim-state/svg[0]/text[1].cell-value/text[0]: expected text 'h1', got 'h2'",
                SameView.difference(VIEW, VIEW.replace(">h1<", ">h2<")));
        assertEquals("/div[0].sim-state/dl[1].sim-stats/div[0]/dd[1]/text[0]: expected text '8.41e-1', got '8.41e-2'",
                SameView.difference(VIEW, VIEW.replace("8.41e-1", "8.41e-2")));
        assertEquals("/div[0].sim-state/svg[0]/rect[0].cell.level-2: expected attributes [class, x, y], got [class, data-x, x, y]",
                SameView.difference(VIEW, VIEW.replace("<rect x", "<rect data-x=\"1\" x")));
        assertEquals("/div[0].sim-state/svg[0]/rect[0].cell.level-2: expected <rect>, got <text>",
                SameView.difference(VIEW, VIEW.replace("<rect x=\"0\" y=\"8.5\" class=\"cell level-2\"/>", "")));
        assertTrue(SameView.difference(VIEW, VIEW.replace("<text x=\"4\" class=\"cell-value\">h1</text>", ""))
                .startsWith("/div[0].sim-state/svg[0]: expected 2 children, got 1"));
    }

    @Test
    void aLongStringOfMaskBitsIsNotReadAsOneRoundedNumber() {
        String bits = "1011001110001111000011111000001111110000000111111110000000001111";
        String flipped = bits.substring(0, 63) + "0";
        assertEquals(Double.parseDouble(bits), Double.parseDouble(flipped), "as doubles the two masks are one number");
        assertEquals("/div[0]: @data-kept: expected '" + bits + "', got '" + flipped + "'",
                SameView.difference("<div data-kept=\"" + bits + "\"></div>", "<div data-kept=\"" + flipped + "\"></div>"));
    }
}
