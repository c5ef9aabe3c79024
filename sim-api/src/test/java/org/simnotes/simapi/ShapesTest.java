package org.simnotes.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Many small shapes drawn as one path per class and one text per class of characters. */
class ShapesTest {

    @Test
    void eachClassIsOnePathOfItsShapesInTheOrderDrawn() {
        StringBuilder out = new StringBuilder();
        Svg svg = new Svg(out, 600, 40, "sim-grid", "格子", "");
        Shapes shapes = new Shapes(10, 2);
        StringBuilder even = new StringBuilder();
        StringBuilder odd = new StringBuilder();
        // 300 squares: their outlines grow past any first guess at their length.
        for (int i = 0; i < 300; i++) {
            double x = i * 12.5;
            // The odd class arrives as a new but equal string each time: still one class.
            shapes.square(i % 2 == 0 ? "cell even" : new String("cell odd"), x, 3);
            (i % 2 == 0 ? even : odd).append('M').append(i % 2 == 0 ? String.valueOf((int) x) : String.valueOf(x))
                    .append(" 3h10v10h-10z");
        }
        shapes.cross("cross", 0, 0).rect("run", 1, 2, 30, 4.5);
        shapes.glyph("label", 5, 7.25, '<').glyph("label", -6, 8, '7');
        shapes.drawInto(svg);
        svg.end();
        String html = out.toString();
        assertEquals("<svg class=\"sim-grid\" width=\"600\" height=\"40\" viewBox=\"0 0 600 40\" role=\"img\" aria-label=\"格子\">"
                + "<path class=\"cell even\" d=\"" + even + "\"/>"
                + "<path class=\"cell odd\" d=\"" + odd + "\"/>"
                + "<path class=\"cross\" d=\"M2 2l6 6m0 -6l-6 6\"/>"
                + "<path class=\"run\" d=\"M1 2h30v4.5h-30z\"/>"
                + "<text class=\"label\" x=\"5 -6\" y=\"7.3 8\">&lt;7</text></svg>", html);
    }
}
