package org.example.sims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.simnotes.simapi.WidgetState;

/** The view a reader sees for a temperature: the bars' probabilities and the largest one. */
class TemperatureWidgetTest {
    private static double[] bars(String query) {
        String html = WidgetState.fromQuery(new TemperatureWidget(), query).render();
        Matcher m = Pattern.compile("data-p=\"([^\"]+)\"").matcher(html);
        double[] p = new double[3];
        for (int i = 0; i < p.length; i++) {
            assertTrue(m.find(), "bar " + i + " carries its probability");
            p[i] = Double.parseDouble(m.group(1));
        }
        return p;
    }

    @Test
    void theBarsAreAProbabilityDistribution() {
        double[] p = bars("t=0.7");
        assertEquals(1, p[0] + p[1] + p[2], 1e-12);
        assertTrue(p[0] > p[1] && p[1] > p[2], "a higher score keeps a higher probability");
    }

    @Test
    void aHighTemperatureFlattensTheDistributionAndALowOneSharpensIt() {
        assertTrue(bars("t=5")[0] < bars("t=1")[0]);
        assertTrue(bars("t=0.1")[0] > 0.99, "at T = 0.1 the largest score takes almost all");
    }

    @Test
    void atTemperatureOneTheBarsAreThePlainSoftmax() {
        double[] p = bars("t=1");
        assertEquals(Math.exp(1), p[0] / p[1], 1e-9);
    }
}
