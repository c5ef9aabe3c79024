package org.simnotes.sitegen.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.simnotes.sitegen.TestSite;

/**
 * Not a check but the camera for docs/: pages light and dark on a desktop and a 360 px phone into
 * docs/screenshots, and every simulation figure of the guide, once its WebAssembly has run, into
 * docs/widgets as {@code <widget>-<theme>-<width>.png} (a widget the guide embeds more than once adds the
 * page, {@code rnn-gradient-vanishing-dark-360.png}). Dark is the system setting, as a reader who never
 * used the theme toggle gets it. Run by scripts/screenshots only.
 */
@Tag("docs")
@NeedsBrowser
class DocsScreenshots {
    private static final List<String> PAGES = List.of("index", "pooling", "lstm-gru", "dropout");

    @Test
    void photographPagesAndWidgets() throws IOException {
        Path docs = TestSite.projectRoot().resolve("docs");
        Path pages = Files.createDirectories(docs.resolve("screenshots"));
        Path widgets = Files.createDirectories(docs.resolve("widgets"));
        // The names follow the guide's figures, so pictures of figures since removed or renamed go.
        try (Stream<Path> old = Files.list(widgets)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
        Path site = TestSite.site(TestSite.projectRoot().resolve("content"));
        List<SiteFigure> figures = SiteFigure.all(site);
        try (SiteServer server = new SiteServer(site)) {
            for (int width : new int[] {1280, 360}) {
                try (Browser b = new Browser(width, width == 360 ? 1400 : 1000)) {
                    for (String theme : List.of("light", "dark")) {
                        ((ChromeDriver) b.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
                        for (String page : PAGES) {
                            b.open(server.url(page + ".html"));
                            Files.write(pages.resolve(page + "-" + theme + "-" + width + ".png"),
                                    ((ChromeDriver) b.driver()).getScreenshotAs(OutputType.BYTES));
                        }
                        for (SiteFigure f : figures) {
                            b.open(server.url(f.page()));
                            WebElement fig = b.driver().findElement(By.id(f.id()));
                            b.waiting(10).until(d -> fig.getAttribute("data-runtime") != null);
                            Files.write(widgets.resolve(name(f, figures) + "-" + theme + "-" + width + ".png"), photograph(b, fig));
                        }
                    }
                }
            }
        }
    }

    /**
     * The figure whole: on a phone it can be taller than the window, and an element screenshot stops at
     * the window's bottom edge, so the window grows to hold it for the picture.
     */
    private static byte[] photograph(Browser b, WebElement fig) {
        Dimension window = b.driver().manage().window().getSize();
        int needed = fig.getSize().getHeight() + 200;
        if (needed > window.getHeight()) {
            b.driver().manage().window().setSize(new Dimension(window.getWidth(), needed));
        }
        // The sticky header would cover the top of the figure in the picture.
        b.js("document.querySelector('.site-header').style.position = 'static'; arguments[0].scrollIntoView()", fig);
        byte[] png = fig.getScreenshotAs(OutputType.BYTES);
        b.driver().manage().window().setSize(window);
        return png;
    }

    /** The widget's name, with the page's when the guide embeds it more than once, and the figure's number on that page. */
    private static String name(SiteFigure f, List<SiteFigure> all) {
        boolean alone = all.stream().filter(o -> o.widget().equals(f.widget())).count() == 1;
        String ordinal = f.id().substring(("sim-" + f.widget()).length());
        return f.widget() + (alone ? "" : "-" + f.page().replace(".html", "")) + ordinal;
    }
}
