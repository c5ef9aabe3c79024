package org.simnotes.sitegen.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * axe-core, the accessibility checker, run inside the page the browser shows: its script comes from the
 * test class path (Maven's copy, see the pom), never from the network, and is injected by the driver, so
 * the page under test stays as it was built.
 */
final class Axe {
    private static final String SOURCE = load();

    private Axe() {
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The violations of every rule axe runs by default (WCAG 2 A and AA, and its best practices) on the
     * page as it is now, one line each: the rule, its impact, what it asks and where it fails.
     * Simulation figures are left out: their views get accessibility work of their own.
     */
    @SuppressWarnings("unchecked")
    static List<String> violations(Browser b) {
        b.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (b.js("return typeof window.axe").equals("undefined")) {
            b.js(SOURCE);
        }
        return (List<String>) b.jsAsync("var done = arguments[arguments.length - 1];"
                + "axe.run({ exclude: [['figure.sim']] }, { resultTypes: ['violations'] }).then(function (r) {"
                + "  done(r.violations.map(function (v) {"
                + "    return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 6).map(function (n) {"
                + "      return n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 160) + ']' : '');"
                + "    }).join('; ') + (v.nodes.length > 6 ? ' and ' + (v.nodes.length - 6) + ' more' : '');"
                + "  }));"
                + "}, function (e) { done(['axe failed: ' + e]); });");
    }
}
