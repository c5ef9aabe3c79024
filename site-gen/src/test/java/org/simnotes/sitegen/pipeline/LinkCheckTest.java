package org.simnotes.sitegen.pipeline;


import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.simnotes.sitegen.LinkCrawler;
import org.simnotes.sitegen.TestSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every link and asset reference of the built fixture course leads to a file (and element) inside it. */
class LinkCheckTest {

    @Test
    void everyHrefSrcAndCssUrlResolvesInsideTheSite() throws IOException {
        LinkCrawler links = LinkCrawler.check(TestSite.site(), "/");
        assertEquals(List.of(), links.broken());
        // 10 pages, each with stylesheets, scripts, navigation, a table of contents and heading anchors.
        assertTrue(links.checked() > 200, "followed only " + links.checked() + " links");
    }
}
