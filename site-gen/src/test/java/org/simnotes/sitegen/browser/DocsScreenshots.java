package org.simnotes.sitegen.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.simnotes.sitegen.TestSite;

/**
 * Not a check but the camera for docs/screenshots: pages light and dark on a desktop and a 360 px
 * phone, and each widget once its WebAssembly has run. Run by scripts/screenshots only.
 */
@Tag("docs")
@NeedsBrowser
class DocsScreenshots {
    private static final List<String> PAGES = List.of("index", "pooling", "lstm-gru", "dropout");
    private static final List<String> WIDGETS = List.of("dropout", "pooling", "rnn");

    @Test
    void photographPagesAndWidgets() throws IOException {
        Path out = TestSite.projectRoot().resolve("docs/screenshots");
        Files.createDirectories(out);
        try (SiteServer server = new SiteServer(TestSite.site(TestSite.projectRoot().resolve("content")))) {
            for (int width : new int[] {1280, 360}) {
                try (Browser b = new Browser(width, width == 360 ? 1400 : 1000)) {
                    for (String theme : List.of("light", "dark")) {
                        ((ChromeDriver) b.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
                        for (String page : PAGES) {
                            b.open(server.url(page + ".html"));
                            Files.write(out.resolve(page + "-" + theme + "-" + width + ".png"),
                                    ((ChromeDriver) b.driver()).getScreenshotAs(OutputType.BYTES));
                        }
                        for (String topic : WIDGETS) {
                            b.open(server.url(topic + ".html"));
                            WebElement fig = b.driver().findElement(By.cssSelector("figure.sim"));
                            b.waiting(10).until(d -> fig.getAttribute("data-runtime") != null);
                            // The sticky header would cover the top of the figure in the picture.
                            b.js("document.querySelector('.site-header').style.position = 'static';"
                                    + "arguments[0].scrollIntoView()", fig);
                            Files.write(out.resolve("widget-" + topic + "-" + theme + "-" + width + ".png"),
                                    fig.getScreenshotAs(OutputType.BYTES));
                        }
                    }
                }
            }
        }
    }
}
