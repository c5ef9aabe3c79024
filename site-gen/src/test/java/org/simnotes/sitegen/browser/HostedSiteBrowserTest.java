package org.simnotes.sitegen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.simnotes.sitegen.TestSite;

/** The site served as a host serves it: with the headers of its _headers file, and its 404 page for any miss. */
@NeedsBrowser
class HostedSiteBrowserTest {

    private static List<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(TestSite.site())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void everyPageRunsUnderTheSecurityPolicyWithoutAViolation() throws Exception {
        List<String> pages = pages();
        assertEquals(10, pages.size(), "7 topics, the home, search and 404 pages");
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            List<String> errors = new ArrayList<>();
            int simulations = 0;
            for (String page : pages) {
                b.open(server.url(page));
                simulations += awaitSimulations(b, "wasm");
                b.consoleErrors().forEach(e -> errors.add(page + ": " + e));
            }
            assertEquals(List.of(), errors, "no page breaks the policy (KaTeX's style attributes included)");
            assertTrue(simulations >= 3, "the simulations ran as WebAssembly under the policy: " + simulations);

            // The JavaScript build, for browsers without WebAssembly GC, runs under it too.
            b.open(server.url("rnn.html?sim-runtime=js"));
            assertEquals(1, awaitSimulations(b, "js"));
            assertEquals(List.of(), b.consoleErrors());

            // The policy is in force: a script written into the page is refused, and the refusal reported.
            b.open(server.url("pooling.html"));
            Object ran = b.js("var s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                    + "document.head.appendChild(s); return window.injected;");
            assertNull(ran, "an inline script must not run");
            assertTrue(b.consoleErrors().stream().anyMatch(e -> e.contains("Content Security Policy")));
        }
    }

    /** Waits until every simulation figure of the page has started; returns how many ran on {@code runtime}. */
    private static int awaitSimulations(Browser b, String runtime) {
        String started = "return Array.prototype.map.call(document.querySelectorAll('figure.sim'),"
                + " function (f) { return f.getAttribute('data-runtime'); })";
        b.waiting(15).until(d -> !((List<?>) b.js(started)).contains(null));
        List<?> runtimes = (List<?>) b.js(started);
        assertEquals(List.of(), runtimes.stream().filter(r -> !runtime.equals(r)).toList(), b.driver().getCurrentUrl()
                + ": every simulation runs on " + runtime + "; " + b.js("return Array.prototype.map.call("
                + "document.querySelectorAll('.sim-runtime'), function (e) { return e.textContent; }).join(' / ')"));
        return runtimes.size();
    }

    @Test
    void theNotFoundPageIsStyledAndLeadsHomeFromAnyDepth() throws Exception {
        try (SiteServer server = new SiteServer(TestSite.site()); Browser b = new Browser()) {
            b.open(server.url("a/b/missing-topic"));
            assertEquals("页面不存在", b.driver().findElement(By.tagName("h1")).getText());
            // The browser reports the page's own 404 status; nothing it loads may fail.
            assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.startsWith(server.url("a/b/missing-topic") + " ")).toList(),
                    "stylesheets and scripts load from /a/b/ too");
            Long rules = (Long) b.js("var n = 0; for (var s of document.styleSheets) n += s.cssRules.length; return n;");
            assertTrue(rules > 100, "the site's and KaTeX's stylesheets are applied, " + rules + " rules");
            assertEquals("flex", b.js("return getComputedStyle(document.querySelector('.site-header')).display"));
            b.driver().findElement(By.linkText("返回首页")).click();
            assertEquals(server.url("index.html"), b.driver().getCurrentUrl());
            assertEquals(7L, b.js("return document.querySelectorAll('main .cards a').length"));
        }
    }
}
