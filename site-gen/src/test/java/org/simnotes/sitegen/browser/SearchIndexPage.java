package org.simnotes.sitegen.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.simnotes.sitegen.search.SearchScripts;

/**
 * A page from file:// holding search-core.js and a search index's files, for tests that query the
 * index in the browser: after {@link #load}, {@code window.index} is the index the browser put together.
 */
final class SearchIndexPage {
    private SearchIndexPage() {
    }

    /**
     * Writes {@code files} beside search-core.js into {@code dir}, opens the page, loads the manifest
     * and its parts as search.js does; returns the milliseconds that took.
     */
    static double load(Browser b, Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        try (InputStream core = SearchIndexPage.class.getResourceAsStream(SearchScripts.CORE_SCRIPT)) {
            Files.copy(core, dir.resolve("search-core.js"));
        }
        Files.writeString(dir.resolve("index.html"), "<!DOCTYPE html><meta charset=utf-8><title>search</title><script src=search-core.js></script>");
        b.open(dir.resolve("index.html").toUri().toString());
        return ((Number) ((JavascriptExecutor) b.driver()).executeAsyncScript(
                "var done = arguments[0], t0 = performance.now();"
                        + "function load(src, then) { var s = document.createElement('script'); s.src = src; s.onload = then; document.head.appendChild(s); }"
                        + "load('search-index.js', function () {"
                        + "  var left = SIMNOTES_SEARCH.parts.length;"
                        + "  SIMNOTES_SEARCH.parts.forEach(function (name) { load(name, function () {"
                        + "    if (--left === 0) { window.index = SimNotesSearch.combine(SIMNOTES_SEARCH, SIMNOTES_SEARCH_PARTS); done(performance.now() - t0); }"
                        + "  }); });"
                        + "});")).doubleValue();
    }
}
