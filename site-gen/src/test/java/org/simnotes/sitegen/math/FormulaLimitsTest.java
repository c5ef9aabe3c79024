package org.simnotes.sitegen.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The size check finds, in any HTML, the size a regular expression for the authored sizes finds first. */
class FormulaLimitsTest {
    private static final Pattern AUTHORED_SIZE = Pattern.compile("(?:border-right-width|border-top-width|bottom|margin-right):(-?[0-9.]+)em");
    private static final List<String> PIECES = List.of("bottom:", "margin-right:", "margin-bottom:", "border-top-width:",
            "border-right-width:", "height:", ":", "-", "1", "0", "5", "9", ".", "e", "em", "px", ";", "x", "\"", " ");

    /** What the regular expression says of {@code html}: the message of the first size past the limit, or null. */
    private static String expected(String html) {
        Matcher m = AUTHORED_SIZE.matcher(html);
        while (m.find()) {
            double size;
            try {
                size = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                return "NumberFormatException";
            }
            if (Math.abs(size) >= FormulaLimits.MAX_SIZE_EM) {
                return "a rule or space of " + m.group(1) + "em reaches the limit of 100em on sizes (KaTeX's maxSize)";
            }
        }
        return null;
    }

    private static String actual(String html) {
        try {
            FormulaLimits.check(html);
            return null;
        } catch (MathException e) {
            return e.getMessage();
        } catch (NumberFormatException e) {
            return "NumberFormatException";
        }
    }

    @Test
    void findsWhatARegularExpressionFinds() {
        Random random = new Random(19);
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int k = random.nextInt(24); k > 0; k--) {
                html.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String expected = expected(html.toString());
            assertEquals(expected, actual(html.toString()), html.toString());
            found += expected == null ? 0 : 1;
        }
        assertEquals(true, found > 1000, "the random HTML reached the limit " + found + " times");
    }

    @Test
    void findsASizeInKatexHtml() {
        String html = "<span class=\"rule\" style=\"border-right-width:0.4em;border-top-width:120em;bottom:0em;\"></span>";
        assertEquals("a rule or space of 120em reaches the limit of 100em on sizes (KaTeX's maxSize)", actual(html));
        assertEquals(null, actual(html.replace("120em", "12em")));
    }
}
