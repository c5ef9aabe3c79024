package org.simnotes.sitegen.math;

import java.time.Duration;
import java.util.List;

/**
 * What one formula may cost, so that a few bytes of TeX cannot make a build take minutes or a page
 * megabytes: KaTeX's own caps on sizes and macro expansions, a rendering time, and the HTML's size.
 * KaTeX clamps a size above {@link #MAX_SIZE_EM} silently (and a negative one not at all), so the
 * rendered sizes of rules and spaces are checked here to tell the author.
 */
final class FormulaLimits {
    /** KaTeX's {@code maxSize}: wider than a page, in ems. */
    static final int MAX_SIZE_EM = 100;
    /** KaTeX's {@code maxExpand}, its own default: built-in commands such as {@code \neq} are macros too. */
    static final int MAX_EXPAND = 1000;
    /**
     * CPU time: a formula renders in milliseconds; the first one, with the engine cold, in a few
     * hundred; the largest the study guide could hold in a second or two.
     */
    static final Duration MAX_TIME = Duration.ofSeconds(5);
    /** The largest formula of the study guide is a few KB; a whole topic's page is seldom 100 KB. */
    static final int MAX_HTML_CHARS = 256 * 1024;

    /**
     * The style properties whose sizes an author sets: a rule's width, height and shift, a space's width (as the
     * end of a property name, so {@code margin-bottom} counts too).
     */
    private static final List<String> AUTHORED = List.of("border-right-width", "border-top-width", "bottom", "margin-right");

    private FormulaLimits() {
    }

    /** Throws when KaTeX's HTML for one formula is larger than allowed or holds a size at or past {@link #MAX_SIZE_EM}. */
    static void check(String html) throws MathException {
        if (html.length() > MAX_HTML_CHARS) {
            throw new MathException("it renders to " + html.length() / 1024 + " KB of HTML, more than the " + MAX_HTML_CHARS / 1024
                    + " KB one formula may have (do macros expand to much more than was written?)");
        }
        // Each property's value, found from its colon: a scan of the formula the cache holds costs a fraction of a regular expression's.
        int n = html.length();
        for (int colon = html.indexOf(':'); colon >= 0; colon = html.indexOf(':', colon + 1)) {
            if (!authored(html, colon)) {
                continue;
            }
            int end = colon + 1;
            if (end < n && html.charAt(end) == '-') {
                end++;
            }
            int digits = end;
            while (end < n && (html.charAt(end) >= '0' && html.charAt(end) <= '9' || html.charAt(end) == '.')) {
                end++;
            }
            if (end == digits || !html.startsWith("em", end)) {
                continue;
            }
            String size = html.substring(colon + 1, end);
            if (Math.abs(Double.parseDouble(size)) >= MAX_SIZE_EM) {
                throw new MathException("a rule or space of " + size + "em reaches the limit of " + MAX_SIZE_EM
                        + "em on sizes (KaTeX's maxSize)");
            }
        }
    }

    /** Whether the colon at {@code colon} follows the name of a property with an {@link #AUTHORED} size. */
    private static boolean authored(String html, int colon) {
        for (String name : AUTHORED) {
            if (colon >= name.length() && html.regionMatches(colon - name.length(), name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    static String timeLimitMessage() {
        return "it took longer than " + MAX_TIME.toSeconds() + " s to render, the limit for one formula (do macros expand to much more than was written?)";
    }

    static String expandLimitMessage() {
        return "more than " + MAX_EXPAND + " macro expansions, the limit for one formula (KaTeX's maxExpand): is a macro defined in terms of itself?";
    }
}
