package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.simnotes.sim.Dropout;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.Svg;
import org.simnotes.simapi.Widget;
import org.simnotes.simapi.WidgetState;
import org.simnotes.simapi.Widgets;

/** What a reader can put in a widget's link, and what the widget then shows. */
class WidgetStateTest {
    private static final Widgets WIDGETS = Widgets.load(WidgetStateTest.class.getClassLoader());

    private final Widget dropout = WIDGETS.byName("dropout");
    private final Widget pool = WIDGETS.byName("pool");
    private final Widget rnn = WIDGETS.byName("rnn");

    @Test
    void aValidLinkIsReadBackAsWritten() {
        WidgetState s = WidgetState.fromQuery(dropout, "keepProb=0.3&n=128&seed=7&style=classic&phase=infer");
        assertEquals("", s.notes());
        assertEquals("keepProb=0.3&n=128&seed=7&style=classic&phase=infer", s.query());
    }

    @Test
    void hostileValuesFallBackToDefaultsAndAreNamed() {
        WidgetState s = WidgetState.fromQuery(dropout, "keepProb=7&n=1e9&seed=-1&style=<script>&phase&junk=1&&=");
        assertEquals(WidgetState.defaults(dropout).query(), s.query(), "every bad value is replaced by its default");
        assertTrue(s.notes().contains("参数 keepProb=7 无效，已改用默认值 0.5"), s.notes());
        assertTrue(s.notes().contains("参数 n=1e9 无效"), s.notes());
        assertTrue(s.notes().contains("参数 seed=-1 无效"), s.notes());
        assertTrue(s.render().contains("&lt;script&gt;"), "the note shows the value as text");
        assertTrue(!s.render().contains("<script>"));
    }

    @Test
    void valuesThatClashAreSettledTheWayPyTorchAllows() {
        WidgetState s = WidgetState.fromQuery(pool, "kernel=2&padding=2&cell=100&size=4&stride=1");
        assertTrue(s.query().contains("padding=1"), s.query());
        assertTrue(s.query().contains("cell=25"), "the last of 5×5 outputs, counted from 1: " + s.query());
        WidgetState r = WidgetState.fromQuery(rnn, "steps=5&t=30");
        assertTrue(r.query().contains("t=5"), r.query());
    }

    @Test
    void theDropoutViewDrawsTheSimulationsMask() {
        String html = WidgetState.fromQuery(dropout, "keepProb=0.4&n=32&seed=9").render();
        int[] mask = Dropout.mask(32, 0.4, 9);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("data-grid=\"output\" data-values=\"([^\"]*)\" data-kept=\"([01]*)\"").matcher(html);
        assertTrue(m.find(), "the output grid carries its values and mask");
        assertEquals(32, m.group(1).split(" ").length, "one value per unit");
        StringBuilder expected = new StringBuilder();
        for (int v : mask) {
            expected.append(v);
        }
        assertEquals(expected.toString(), m.group(2));
        int dropped = (int) expected.chars().filter(c -> c == '0').count();
        assertEquals(2 * 32, count(html, "h30v30h-30z"), "a square per unit in each grid");
        assertEquals(dropped, count(html, "m0 -18"), "a cross per dropped unit");
    }

    @Test
    void everyWidgetRendersItsDefaultsAndEveryChoice() {
        for (String name : WIDGETS.names().split(", ")) {
            Widget w = WIDGETS.byName(name);
            assertNotNull(w);
            for (Param p : w.params()) {
                for (double v : new double[] {p.min(), p.max(), p.fallback()}) {
                    String html = WidgetState.fromQuery(w, p.key() + "=" + p.format(v)).render();
                    assertTrue(html.startsWith("<div class=\"sim-state\""), name + " " + p.key() + "=" + v);
                    assertTrue(!html.contains("NaN"), name + " " + p.key() + "=" + v + " draws no NaN");
                }
            }
        }
    }

    @Test
    void atTheLargestSizesAViewStaysSmallEnoughToRedrawWithinAFrame() {
        // The page replaces the view on every control change; each element costs parsing, style and layout.
        for (String[] w : new String[][] {
            {"dropout", "keepProb=0.5&n=256&seed=42&style=inverted&phase=train"},
            {"pool", "mode=max&size=10&kernel=3&stride=1&padding=1&cell=1&seed=7"},
            {"pool", "mode=avg&size=10&kernel=3&stride=1&padding=1&cell=1&seed=7"},
            {"rnn", "steps=40&scale=0.9&activation=tanh&hidden=8&t=40&seed=3"},
            {"deep", "activation=relu&layers=50&scale=3&seed=1"},
            {"clip", "g1=-10&g2=10&threshold=0.5"},
            {"norm", "mode=layer&batch=6&features=6&gamma=1&beta=0&cell=1&seed=5"},
            {"norm", "mode=batch&batch=6&features=6&gamma=1&beta=0&cell=1&seed=5"},
            {"activation", "fn=gelu&spread=5&tau=0.01&seed=1"},
            {"shift", "mode=avg&kernel=2&stride=1&shift=4&seed=3"},
            {"mask", "rate=0.5&seed=5"},
            {"attention", "n=8&dk=128&scale=unscaled&mask=causal&seed=1"},
            {"posenc", "n=32&d=16&pair=7"},
            {"parallel", "n=8&phase=decode&step=8"},
            {"lstm", "steps=30&bias=5&t=30&seed=4"},
            {"gru", "steps=30&bias=-3&t=30&seed=4"},
            {"embedding", "word=plane&other=cat&d=8&seed=11"}}) {
            String html = WidgetState.fromQuery(WIDGETS.byName(w[0]), w[1]).render();
            int elements = count(html, "<") - count(html, "</");
            assertTrue(elements < 250, w[0] + " " + w[1] + ": " + elements + " elements");
            // Attributes cost far less than elements: a grid of choices names each cell for screen readers.
            assertTrue(html.length() < 32_000, w[0] + " " + w[1] + ": " + html.length() + " characters");
        }
    }

    @Test
    void numbersAreWrittenTheSameWayEverywhere() {
        assertEquals("0.50", Html.fixed(0.5, 2));
        assertEquals("-1.25", Html.fixed(-1.25, 2));
        assertEquals("0.0", Html.fixed(-0.01, 1));
        assertEquals("3", Html.fixed(2.6, 0));
        assertEquals("3", Html.fixed(2.5, 0));
        assertEquals("0.007", Html.fixed(0.007, 3));
        assertEquals("1.050", Html.fixed(1.05, 3));
        assertEquals("-3000000000.5", Html.fixed(-3000000000.5, 1), "past the int range");
        assertEquals("17 8.5 -2 0", Html.appendCoord(new StringBuilder(), 17).append(' ')
                .append(Html.appendCoord(new StringBuilder(), 8.5)).append(' ')
                .append(Html.appendCoord(new StringBuilder(), -2)).append(' ')
                .append(Html.appendCoord(new StringBuilder(), -0.04)).toString());
        assertEquals("1.89e-9", Html.sci(1.894e-9));
        assertEquals("2.00", Html.sci(2.0));
        assertEquals("1.00e5", Html.sci(99999.9));
        assertArrayEquals(new String[] {"∞"}, new String[] {Html.fixed(Double.POSITIVE_INFINITY, 2)});
        assertEquals("a&lt;b &amp; &quot;c&quot;&gt; 池化", Html.escape("a<b & \"c\"> 池化"));
        java.util.SplittableRandom random = new java.util.SplittableRandom(29);
        for (int i = 0; i < 10_000; i++) {
            int n = i < 4 ? new int[] {0, -7, Integer.MAX_VALUE, Integer.MIN_VALUE}[i] : random.nextInt();
            assertEquals("x" + n, Html.appendInt(new StringBuilder("x"), n).toString());
        }
    }

    @Test
    void aCellsShadeIsAQuarterOfTheLargestValueRoundedUp() {
        assertEquals(0, Svg.level(0));
        assertEquals(1, Svg.level(0.25));
        assertEquals(2, Svg.level(0.2500001));
        assertEquals(4, Svg.level(1));
        assertEquals(4, Svg.level(1.5), "past the largest value, still the darkest shade");
        assertEquals(0, Svg.level(-0.5));
        assertEquals("cell level-3 pick selected", Svg.levels(" pick selected")[3]);
        java.util.SplittableRandom random = new java.util.SplittableRandom(30);
        for (int i = 0; i < 10_000; i++) {
            double fraction = random.nextDouble();
            assertEquals((int) Math.ceil(fraction * 4), Svg.level(fraction), "for " + fraction);
        }
    }

    @Test
    void aLinkTooLongToBeAViewIsNotReadAndSaysSo() {
        // 'seed=1&' 100,000 times: cutting the rest off after each pair copied it again, quadratic in its length.
        String query = "seed=1&".repeat(100_000);
        WidgetState s = assertTimeoutPreemptively(Duration.ofMillis(500), () -> WidgetState.fromQuery(dropout, query));
        assertEquals(WidgetState.defaults(dropout).query(), s.query());
        assertEquals("链接中的参数有 700000 个字符，超过上限 1000，已全部改用默认值", s.notes());
        assertTrue(s.render().contains("<p class=\"sim-note\" role=\"status\">链接中的参数有 700000 个字符"), "the view shows the note");
    }

    @Test
    void aParameterRepeatedWithBadValuesIsNotedOnce() {
        WidgetState s = WidgetState.fromQuery(dropout, "n=17&".repeat(150) + "seed=x&seed=y");
        assertEquals("参数 n=17 无效，已改用默认值 64；参数 seed=x 无效，已改用默认值 42", s.notes());
    }

    @Test
    void valuesOffTheStepsOrInJavaSpellingsFallBackToDefaults() {
        WidgetState s = WidgetState.fromQuery(dropout, "n=17&keepProb=.5f&seed=0x1p1");
        assertEquals(WidgetState.defaults(dropout).query(), s.query());
        assertEquals("参数 n=17 无效，已改用默认值 64；参数 keepProb=.5f 无效，已改用默认值 0.5；参数 seed=0x1p1 无效，已改用默认值 42",
                s.notes());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
