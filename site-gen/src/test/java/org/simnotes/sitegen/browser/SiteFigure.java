package org.simnotes.sitegen.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A simulation figure as the build wrote it into a page of the site: found in the HTML rather than
 * named, so a widget a topic embeds is covered by the tests that read this list from its first block on.
 *
 * @param page     the page's file name, e.g. {@code pooling.html}
 * @param id       the figure's id, which the address uses ({@code #sim-pool?…})
 * @param widget   the widget's name ({@code data-sim})
 * @param defaults the block's state as a query ({@code data-default})
 */
record SiteFigure(String page, String id, String widget, String defaults) {

    /** Every figure of every page at the top of {@code site}, pages in name order, figures in page order. */
    static List<SiteFigure> all(Path site) {
        List<SiteFigure> figures = new ArrayList<>();
        try (Stream<Path> files = Files.list(site)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList()) {
                for (Element f : Jsoup.parse(file.toFile(), "UTF-8").select("figure.sim")) {
                    figures.add(new SiteFigure(file.getFileName().toString(), f.id(), f.attr("data-sim"), f.attr("data-default")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return figures;
    }

    /** The pages that hold figures, each once, in the order of {@code figures}. */
    static List<String> pages(List<SiteFigure> figures) {
        return figures.stream().map(SiteFigure::page).distinct().toList();
    }
}
