package starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.simnotes.simapi.WidgetState;

/** The widget as a reader sees it: the HTML the page shows for a set of control values. */
class CoinWidgetTest {
    private static String view(String query) {
        return WidgetState.fromQuery(new CoinWidget(), query).render();
    }

    private static double share(String html) {
        Matcher m = Pattern.compile("data-stat=\"share\"[^>]*data-value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the view states the share of heads");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void manyFlipsBringTheShareOfHeadsNearP() {
        assertEquals(0.3, share(view("p=0.3&flips=200&seed=1")), 0.1);
    }

    @Test
    void theSameSeedGivesTheSamePicture() {
        assertEquals(view("p=0.6&seed=11"), view("p=0.6&seed=11"));
    }

    @Test
    void headsOnlyDrawsOneCirclePerHead() {
        String html = view("p=0.5&flips=40&show=heads");
        long circles = Pattern.compile("<circle").matcher(html).results().count();
        Matcher heads = Pattern.compile("data-stat=\"heads\"[^>]*data-value=\"(\\d+)\"").matcher(html);
        assertTrue(heads.find());
        assertEquals(Long.parseLong(heads.group(1)), circles);
    }
}
