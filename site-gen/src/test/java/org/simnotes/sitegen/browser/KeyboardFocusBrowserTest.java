package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.simnotes.sitegen.TestSite;

/**
 * Tabbing through a topic page, forwards and back, never leaves the focused control under the sticky
 * header or off the screen (WCAG 2.4.11): every point of it that a reader must see is the control itself.
 */
@NeedsBrowser
class KeyboardFocusBrowserTest {
    /** Tab stops beyond this mean the focus is caught in a loop. */
    private static final int MAX_STOPS = 400;

    /**
     * What is wrong with the focused element's visibility, or "" when it is fully in view, or null when
     * nothing has the focus. Checked at its centre and near the middle of each edge (inside rounded
     * corners), on each line box of a link that wraps: the element found there must be it or inside it.
     */
    private static final String FOCUS_IN_VIEW = """
            var el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) return null;
            var boxes = Array.prototype.filter.call(el.getClientRects(), function (r) { return r.width > 0 && r.height > 0; });
            if (!boxes.length) return 'it has no box';
            var faults = [];
            boxes.forEach(function (r) {
              var dx = Math.min(3, r.width / 4), dy = Math.min(3, r.height / 4), cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
              [[cx, cy], [cx, r.top + dy], [cx, r.bottom - dy], [r.left + dx, cy], [r.right - dx, cy]].forEach(function (p) {
                var hit = document.elementFromPoint(p[0], p[1]);
                if (hit !== el && !el.contains(hit)) {
                  faults.push('(' + Math.round(p[0]) + ', ' + Math.round(p[1]) + ') shows '
                      + (hit ? hit.tagName.toLowerCase() + (hit.className && hit.className.baseVal === undefined ? '.' + hit.className : '') : 'nothing, off the screen'));
                }
              });
            });
            return faults.join('; ');
            """;

    private static final String DESCRIBE = """
            var el = document.activeElement;
            var text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 30);
            var r = el.getBoundingClientRect();
            return el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? '.' + el.className.split(' ')[0] : '')
                + ' "' + text + '" at y ' + Math.round(r.top) + '–' + Math.round(r.bottom) + ' of ' + innerHeight;
            """;

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 360})
    void everyFocusedControlIsFullyInViewBelowTheHeaderTabbingBothWays(int width) throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser(width, width == 360 ? 740 : 800)) {
            b.open(server.url("pooling.html"));
            // Its table of contents open on a phone too, so its links are among the stops.
            b.js("document.querySelectorAll('details').forEach(function (d) { d.open = true; })");
            List<String> forward = walk(b, Keys.TAB);
            List<String> backward = walk(b, Keys.chord(Keys.SHIFT, Keys.TAB));
            assertTrue(forward.size() > 30, "the page has its links and controls: " + forward.size());
            List<String> faults = new ArrayList<>();
            for (List<String> pass : List.of(forward, backward)) {
                pass.stream().filter(s -> s.contains(" ✗ ")).forEach(faults::add);
            }
            assertEquals(List.of(), faults, "focused but not fully in view at " + width + " px");
            assertEquals(forward.size(), backward.size(), "Shift+Tab visits the stops Tab visits");
        }
    }

    /** Presses {@code key} until the focus leaves the page, describing each stop and what hides it (after ✗). */
    private static List<String> walk(Browser b, CharSequence key) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < MAX_STOPS; i++) {
            new Actions(b.driver()).sendKeys(key).perform();
            String fault = (String) b.js(FOCUS_IN_VIEW);
            if (fault == null) {
                return stops;
            }
            String stop = (String) b.js(DESCRIBE);
            stops.add(fault.isEmpty() ? stop : stop + " ✗ " + fault);
        }
        throw new AssertionError("the focus never left the page after " + MAX_STOPS + " stops: " + stops.subList(0, 20));
    }
}
