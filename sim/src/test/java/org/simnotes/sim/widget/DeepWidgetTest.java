package org.simnotes.sim.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.simnotes.sim.DeepNet;
import org.simnotes.simapi.Html;
import org.simnotes.simapi.Param;
import org.simnotes.simapi.WidgetState;

/** The plain and the residual network side by side, as a learner compares them. */
class DeepWidgetTest {
    private final DeepWidget widget = new DeepWidget();

    private static double[] core(String activation, int layers, double scale, int seed, boolean residual) {
        return DeepNet.run(layers, DeepWidget.WIDTH, seed, activation, residual, scale).gradNorms();
    }

    @Test
    void eachChartDrawsTheCoresGradientNormsLayerByLayer() {
        View view = View.of("deep", "activation=tanh&layers=12&scale=0.7&seed=5");
        double[] plain = core("tanh", 12, 0.7, 5, false);
        double[] residual = core("tanh", 12, 0.7, 5, true);
        assertArrayEquals(plain, View.bars(view.svg("data-net=\"plain\"")), 0.0);
        assertArrayEquals(residual, View.bars(view.svg("data-net=\"residual\"")), 0.0);
        assertEquals(plain[0] / plain[12], view.statValue("plainRatio"), 0.0);
        assertEquals(residual[0] / residual[12], view.statValue("residualRatio"), 0.0);
        assertTrue(view.stat("plainRatio").startsWith(Html.sci(plain[0] / plain[12])), view.stat("plainRatio"));
    }

    @Test
    void bothChartsShareOneLogScaleSoTheirBarsCompare() {
        // Sigmoid: the plain gradient falls to about 1e-20 while the residual one stays near its start.
        View view = View.of("deep", "activation=sigmoid&layers=30&scale=1&seed=1");
        List<String> plainTicks = ticks(view.svg("data-net=\"plain\""));
        assertEquals(plainTicks, ticks(view.svg("data-net=\"residual\"")));
        assertTrue(plainTicks.size() >= 3, "ticks " + plainTicks);
    }

    @Test
    void withSigmoidThePlainGradientVanishesAndTheResidualOneDoesNot() {
        for (int seed : new int[] {1, 2, 3, 42}) {
            View view = View.of("deep", "activation=sigmoid&layers=30&scale=1&seed=" + seed);
            assertTrue(view.stat("plainRatio").endsWith("：梯度消失"), view.stat("plainRatio"));
            assertFalse(view.stat("residualRatio").contains("梯度"), view.stat("residualRatio"));
            double[] plain = View.bars(view.svg("data-net=\"plain\""));
            for (int l = 0; l < 30; l++) {
                assertTrue(plain[l] < plain[l + 1], "seed " + seed + ": the plain gradient shrinks at every layer going back, l = " + l);
            }
            assertTrue(view.statValue("residualRatio") > 0.5, "seed " + seed + ": " + view.stat("residualRatio"));
        }
    }

    @Test
    void withReluTheShortcutDoesNotStopTheResidualGradientFromExploding() {
        View view = View.of("deep", "activation=relu&layers=20&scale=1&seed=1");
        assertTrue(view.stat("plainRatio").endsWith("：梯度消失"), view.stat("plainRatio"));
        assertTrue(view.stat("residualRatio").endsWith("：梯度爆炸"), view.stat("residualRatio"));
    }

    @Test
    void withReluTheInitialisationScaleDecidesBetweenVanishingAndExploding() {
        // s = 1 is a variance of 1/n (Xavier for square layers), s = 1.4 about 2/n (He), s = 2 is 4/n.
        assertTrue(View.of("deep", "activation=relu&layers=20&scale=1").stat("plainRatio").endsWith("：梯度消失"));
        assertFalse(View.of("deep", "activation=relu&layers=20&scale=1.4").stat("plainRatio").contains("梯度"));
        assertTrue(View.of("deep", "activation=relu&layers=20&scale=2").stat("plainRatio").endsWith("：梯度爆炸"));
    }

    @Test
    void theWeightVarianceShownIsScaleSquaredOverTheWidth() {
        View view = View.of("deep", "scale=2");
        assertEquals(4.0 / DeepWidget.WIDTH, view.statValue("variance"), 1e-15);
        assertTrue(view.stat("variance").contains("n = " + DeepWidget.WIDTH), view.stat("variance"));
    }

    @Test
    void theControlsOfferWhatTheCoreRunsAndTheDeepestWorstCaseDrawsEveryLayer() {
        Param[] params = widget.params();
        assertEquals("activation layers scale seed", keys(params));
        Param activation = params[DeepWidget.ACTIVATION];
        for (int i = 0; i < activation.choiceCount(); i++) {
            // Each choice is a name the core accepts: an unknown one would throw.
            assertEquals(4, core(activation.choice(i), 3, 1, 0, false).length);
        }
        assertEquals(3, activation.choiceCount(), "sigmoid, tanh and ReLU, as the core supports");
        int deepest = (int) params[DeepWidget.LAYERS].max();
        String html = WidgetState.fromQuery(widget, "layers=" + deepest + "&scale=3&activation=relu").render();
        assertEquals(2 * (deepest + 1), count(html, "class=\"bar"), "a bar per layer and network");
    }

    private static String keys(Param[] params) {
        StringBuilder sb = new StringBuilder();
        for (Param p : params) {
            sb.append(sb.length() == 0 ? "" : " ").append(p.key());
        }
        return sb.toString();
    }

    private static List<String> ticks(String svg) {
        List<String> ticks = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"axis\">(1e-?\\d+)</text>").matcher(svg);
        while (m.find()) {
            ticks.add(m.group(1));
        }
        return ticks;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
