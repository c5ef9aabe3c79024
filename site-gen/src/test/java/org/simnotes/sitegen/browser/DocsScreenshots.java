package org.simnotes.sitegen.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * docs/screenshots, with the reading aids at work (the phone menu open, {@code menu-open-<theme>-360.png};
 * the table of contents marking the section being read, {@code toc-follows-<theme>-1280.png}), and every
 * simulation figure of the guide, once its WebAssembly has run, into docs/widgets as
 * {@code <widget>-<theme>-<width>.png} (a widget the guide embeds more than once adds the page,
 * {@code rnn-gradient-vanishing-dark-360.png}). Dark is the system setting, as a reader who never used the
 * theme toggle gets it. Run by scripts/screenshots only.
 */
@Tag("docs")
@NeedsBrowser
class DocsScreenshots {
    private static final List<String> PAGES = List.of("index", "pooling", "lstm-gru", "dropout");
    private static final List<String> THEMES = List.of("light", "dark");

    private static Path site() {
        return TestSite.site(TestSite.projectRoot().resolve("content"));
    }

    private static int height(int width) {
        return width == 360 ? 1400 : 1000;
    }

    @Test
    void photographPages() throws IOException {
        Path pages = Files.createDirectories(TestSite.projectRoot().resolve("docs/screenshots"));
        try (SiteServer server = new SiteServer(site())) {
            for (int width : new int[] {1280, 360}) {
                try (Browser b = new Browser(width, height(width))) {
                    for (String theme : THEMES) {
                        b.colorScheme(theme);
                        for (String page : PAGES) {
                            b.open(server.url(page + ".html"));
                            Files.write(pages.resolve(page + "-" + theme + "-" + width + ".png"), screenshot(b));
                        }
                    }
                }
            }
            try (Browser b = new Browser(360, 740)) {
                for (String theme : THEMES) {
                    b.colorScheme(theme);
                    b.open(server.url("pooling.html"));
                    b.driver().findElement(By.cssSelector(".menu-toggle")).click();
                    Files.write(pages.resolve("menu-open-" + theme + "-360.png"), screenshot(b));
                }
            }
            try (Browser b = new Browser(1280, 800)) {
                for (String theme : THEMES) {
                    b.colorScheme(theme);
                    b.open(server.url("pooling.html"));
                    // Part way down the page, a section marked in the contents that stayed beside the text.
                    b.js("document.getElementById(decodeURIComponent(arguments[0])).scrollIntoView()", "常见池化类型");
                    b.js("window.scrollBy(0, innerHeight / 2)");
                    b.waiting(5).until(d -> b.js("return document.querySelector('.toc a[aria-current]') !== null"));
                    Files.write(pages.resolve("toc-follows-" + theme + "-1280.png"), screenshot(b));
                }
            }
        }
    }

    @Test
    void photographWidgets() throws IOException {
        Path widgets = Files.createDirectories(TestSite.projectRoot().resolve("docs/widgets"));
        // The names follow the guide's figures, so pictures of figures since removed or renamed go.
        try (Stream<Path> old = Files.list(widgets)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
        Path site = site();
        List<SiteFigure> figures = SiteFigure.all(site);
        try (SiteServer server = new SiteServer(site)) {
            for (int width : new int[] {1280, 360}) {
                try (Browser b = new Browser(width, height(width))) {
                    for (String theme : THEMES) {
                        b.colorScheme(theme);
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

    private static byte[] screenshot(Browser b) {
        return ((ChromeDriver) b.driver()).getScreenshotAs(OutputType.BYTES);
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
