package org.simnotes.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** {@link Attributes}: the markup a figure's data attributes take, as a reader of the page's source sees it. */
class AttributesTest {

    @Test
    void eachAttributeIsWrittenWithASpaceBeforeItAndTextIsEscaped() {
        String written = new Attributes().text("data-mode", "a<b & \"c\">").raw("data-rows", "3")
                .numbers("data-values", new double[] {0.5, -1e-5, 3}).ints("data-steps", new int[] {Integer.MIN_VALUE, 0, 7})
                .numbers("data-none", new double[0]).toString();
        assertEquals(" data-mode=\"a&lt;b &amp; &quot;c&quot;&gt;\" data-rows=\"3\" data-values=\"0.5 -1.0E-5 3.0\""
                + " data-steps=\"-2147483648 0 7\" data-none=\"\"", written);
    }

    @Test
    void longListsHoldEveryValueAsItsOwnTextWouldBe() {
        SplittableRandom random = new SplittableRandom(20261129L);
        double[] values = new double[5_000];
        int[] ints = new int[5_000];
        StringJoiner exact = new StringJoiner(" ");
        StringJoiner digits = new StringJoiner(" ");
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextInt(-1000, 1000) / 100.0;
            ints[i] = random.nextInt();
            exact.add(Html.exact(values[i]));
            digits.add(Integer.toString(ints[i]));
        }
        assertEquals(" data-values=\"" + exact + "\" data-ints=\"" + digits + "\"",
                new Attributes().numbers("data-values", values).ints("data-ints", ints).toString());
        assertEquals(exact.toString(), Html.exactList(values));
        assertEquals(digits.toString(), Html.intList(ints));
    }
}
