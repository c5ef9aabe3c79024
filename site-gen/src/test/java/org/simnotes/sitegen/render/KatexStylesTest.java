package org.simnotes.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The class names read from formulas' HTML, which decide the KaTeX fonts a site ships: each class attribute's
 * value split at HTML's whitespace (space, tab, line feed, form feed, carriage return), no empty names.
 */
class KatexStylesTest {
    private static final Pattern CLASS_ATTR = Pattern.compile("class=\"([^\"]*)\"");
    private static final List<String> PIECES = List.of("class=\"", "<span ", "\"", " ", "  ", "\t", "\n", "mord", "mathnormal",
            "vlist-t2", "katex", "x", ">", "=", "data-", "\f", "\r", "\u000B");

    /** What a regular expression over the class attributes finds, each attribute split at whitespace. */
    private static Set<String> expected(String html) {
        Set<String> classes = new HashSet<>();
        Matcher m = CLASS_ATTR.matcher(html);
        while (m.find()) {
            for (String name : m.group(1).split("[ \t\n\f\r]+")) {
                if (!name.isEmpty()) {
                    classes.add(name);
                }
            }
        }
        return classes;
    }

    @Test
    void theClassNamesOfEveryAttributeAreRead() {
        String html = "<span class=\"katex\"><span class=\"mord  mathnormal\">x</span><span class=\" vlist-t\tvlist-t2\n\">"
                + "</span><span class=\"\">y</span></span><span class=\"unclosed";
        assertEquals(Set.of("katex", "mord", "mathnormal", "vlist-t", "vlist-t2"), KatexStyles.classesIn(html));
    }

    @Test
    void theScanFindsWhatARegularExpressionFinds() {
        Random random = new Random(20261129L);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder html = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                html.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            assertEquals(expected(html.toString()), KatexStyles.classesIn(html.toString()), html.toString());
        }
    }
}
