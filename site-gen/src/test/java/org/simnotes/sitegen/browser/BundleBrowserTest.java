package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.simnotes.sitegen.cmd.BundleCommandTest;

/**
 * The offline bundle as a learner uses it: unzipped, index.html opened from disk, topics reached by
 * clicking. Each visited topic is checked by {@link #assertTopicWorks}; checks of the topic's
 * interactive parts belong there too.
 */
@NeedsBrowser
class BundleBrowserTest {
    /** Waits for the fonts, then lists every KaTeX face the formulas' glyphs use and those not loaded. */
    private static final String KATEX_FACES = """
            return document.fonts.ready.then(function () {
              var used = {};
              document.querySelectorAll('.katex-html *').forEach(function (e) {
                var text = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
                var s = getComputedStyle(e);
                var family = s.fontFamily.split(',')[0].replace(/["']/g, '').trim();
                if (text && family.indexOf('KaTeX_') === 0) used[family + ' ' + s.fontWeight + ' ' + s.fontStyle] = true;
              });
              var missing = Object.keys(used).filter(function (face) {
                var p = face.split(' '), found = false;
                document.fonts.forEach(function (f) {
                  if (f.family.replace(/["']/g, '') === p[0] && f.weight === p[1] && f.style === p[2] && f.status === 'loaded') found = true;
                });
                return !found;
              });
              return {used: Object.keys(used), missing: missing};
            });""";

    @TempDir
    Path dir;

    @Test
    void theUnzippedBundleWorksFromDiskAndFetchesNothing() throws Exception {
        Path index = BundleCommandTest.unpackedBundle(dir).resolve("index.html");
        try (Browser b = new Browser()) {
            b.open(index.toUri().toString());
            assertEquals("神经网络基础练习", b.driver().findElement(By.tagName("h1")).getText());

            b.driver().findElement(By.cssSelector("main .cards a[href='pooling.html']")).click();
            assertTopicWorks(b, "pooling");
            b.driver().findElement(By.cssSelector(".sidebar a[href='rnn.html']")).click();
            assertTopicWorks(b, "rnn");

            assertEquals(List.of(), b.consoleErrors());
            List<String> requested = b.requestedUrls();
            assertFalse(requested.isEmpty());
            assertEquals(List.of(), requested.stream().filter(u -> !u.startsWith("file://")).toList(),
                    "nothing is fetched from a server");
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertTopicWorks(Browser b, String slug) {
        assertTrue(b.driver().getCurrentUrl().startsWith("file://") && b.driver().getCurrentUrl().endsWith("/" + slug + ".html"),
                b.driver().getCurrentUrl());
        Long formulas = (Long) b.js("return document.querySelectorAll('.content .katex').length");
        assertTrue(formulas > 0, slug + " shows its formulas");
        Map<String, List<String>> faces = (Map<String, List<String>>) b.js(KATEX_FACES);
        assertTrue(faces.get("used").contains("KaTeX_Math 400 italic"), slug + " sets variables in KaTeX's math italic: " + faces);
        assertEquals(List.of(), faces.get("missing"), slug + ": every face the formulas use is shipped and loaded");
        Long width = (Long) b.js("return Math.round(document.querySelector('.content .katex-html').getBoundingClientRect().width)");
        assertTrue(width > 0, slug + ": the formula is laid out as HTML, not hidden MathML");
    }
}
