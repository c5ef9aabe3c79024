package org.simnotes.sitegen.render;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KaTeX's stylesheet cut to what the site's formulas use. A font family stays when some rule that
 * sets it could match the rendered math (all the classes its selector names occur in the pages), so
 * fonts no formula can reach, such as Fraktur or Typewriter in a site without them, are not shipped;
 * every weight and style of a kept family stays, since telling those apart needs a full CSS cascade.
 */
final class KatexStyles {
    /** Every browser we serve reads woff2, so the woff and ttf fallbacks are dropped. */
    private static final Pattern LEGACY_FONTS =
            Pattern.compile(",url\\(fonts/[^)]+\\.(?:woff|ttf)\\) format\\(\"(?:woff|truetype)\"\\)");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern FAMILY = Pattern.compile("font(?:-family)?:[^;}]*?(KaTeX_\\w+)");
    private static final Pattern CLASS_NAME = Pattern.compile("\\.([\\w-]+)");
    private static final String CLASS_ATTR = "class=\"";
    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\{[^}]*font-family:\"?(KaTeX_\\w+)[^}]*}");
    private static final Pattern FONT_URL = Pattern.compile("url\\((fonts/[^)]+\\.woff2)\\)");

    private final String css;
    private final List<String> fonts;

    private KatexStyles(String css, List<String> fonts) {
        this.css = css;
        this.fonts = fonts;
    }

    /**
     * The class names in {@code html}'s class attributes. A scan, not a regular expression: every build reads
     * the class names of all the course's formulas, and the expression took 57 ms of a one-topic rebuild at
     * 1,000 topics.
     */
    static Set<String> classesIn(String html) {
        Set<String> classes = new HashSet<>();
        int at = html.indexOf(CLASS_ATTR);
        while (at >= 0) {
            int end = html.indexOf('"', at + CLASS_ATTR.length());
            if (end < 0) {
                break;
            }
            int word = -1;
            for (int i = at + CLASS_ATTR.length(); i <= end; i++) {
                if (i == end || isSpace(html.charAt(i))) {
                    if (word >= 0) {
                        classes.add(html.substring(word, i));
                        word = -1;
                    }
                } else if (word < 0) {
                    word = i;
                }
            }
            at = html.indexOf(CLASS_ATTR, end + 1);
        }
        return classes;
    }

    /** HTML's ASCII whitespace, which separates class names. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** KaTeX's {@code katex.min.css} trimmed for pages whose HTML uses the class names {@code classes}. */
    static KatexStyles trimmed(String katexCss, Set<String> classes) {
        String css = LEGACY_FONTS.matcher(katexCss).replaceAll("");
        Set<String> used = new HashSet<>();
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            Matcher family = FAMILY.matcher(rule.group(2));
            if (!rule.group(1).startsWith("@font-face") && family.find() && anySelectorMatches(rule.group(1), classes)) {
                used.add(family.group(1));
            }
        }
        String kept = FONT_FACE.matcher(css).replaceAll(m -> used.contains(m.group(1)) ? Matcher.quoteReplacement(m.group()) : "");
        List<String> fonts = FONT_URL.matcher(kept).results().map(m -> m.group(1)).distinct().sorted().toList();
        return new KatexStyles(kept, fonts);
    }

    private static boolean anySelectorMatches(String selectors, Set<String> classes) {
        for (String selector : selectors.split(",")) {
            if (CLASS_NAME.matcher(selector).results().map(m -> m.group(1)).allMatch(classes::contains)) {
                return true;
            }
        }
        return false;
    }

    String css() {
        return css;
    }

    /** The kept font files, relative to the stylesheet. */
    List<String> fonts() {
        return fonts;
    }
}
