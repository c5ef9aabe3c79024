package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.simnotes.simapi.Svg;

/** The shared table drawing: shades, runs of one shade as one rectangle, masked cells and the carried values. */
class HeatmapTest {

    private static String draw(Heatmap h) {
        StringBuilder sb = new StringBuilder();
        Svg svg = new Svg(sb, 100, 100, "t", "t", "");
        h.draw(svg, 0, 0);
        svg.end();
        return sb.toString();
    }

    @Test
    void neighbouringCellsOfOneShadeAreOneRectangle() {
        String html = draw(new Heatmap("row", 1, 5, new double[] {0, 1, 0.9, 1, 0.2}).cell(10, 10).range(1));
        assertTrue(html.contains("<path class=\"cell level-4\" d=\"M10 0h30v10h-30z\"/>"), html);
        assertTrue(html.contains("<path class=\"cell level-0\" d=\"M0 0h10v10h-10z\"/>"), html);
        assertTrue(html.contains("<path class=\"cell level-1\" d=\"M40 0h10v10h-10z\"/>"), html);
        assertTrue(html.contains("data-values=\"0.0 1.0 0.9 1.0 0.2\""), html);
    }

    @Test
    void signedValuesTakeTheSecondColourBySizeAgainstTheLargest() {
        Heatmap h = new Heatmap("s", 1, 3, new double[] {-2, 1, 0.4}).signed();
        assertEquals("cell neg-4", h.shade(-2));
        assertEquals("cell level-2", h.shade(1));
        assertEquals("cell level-1", h.shade(0.4));
        assertEquals("cell level-0", h.shade(0));
    }

    @Test
    void maskedCellsAreDashedAndListed() {
        String html = draw(new Heatmap("m", 2, 2, new double[] {1, 0, 0.5, 0.5}).range(1).numbers(1)
                .masked(new boolean[] {false, true, false, false}, ""));
        assertTrue(html.contains("data-masked=\"0100\""), html);
        assertTrue(html.contains("<path class=\"cell dropped\""), html);
        assertEquals(3, html.split("class=\"cell-value\"", -1).length - 1, "no number in the masked cell");
    }
}
