package org.simnotes.sitegen.browser;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.FileChanges;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.pipeline.BuildOptions;
import org.simnotes.sitegen.pipeline.Progress;
import org.simnotes.sitegen.pipeline.SiteBuilder;
import org.simnotes.sitegen.serve.DevServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An author edits a topic or a template with the page open, and sees the change without reloading. */
@NeedsBrowser
class DevServerReloadBrowserTest {
    @TempDir
    Path dir;

    @Test
    void editingATopicOrATemplateReloadsTheOpenPage() throws Exception {
        Path content = dir.resolve("content");
        Path templates = dir.resolve("templates");
        Path site = dir.resolve("site");
        TestSite.copyTree(TestSite.course(), content);
        TestSite.copyTree(TestSite.projectRoot().resolve("templates"), templates);
        try (SiteBuilder builder = new SiteBuilder(new BuildOptions(content, templates, site, TestSite.mathCache(), null, false, false));
             DevServer server = new DevServer(site, "127.0.0.1", 0, List.of(content, templates), (changes, pagesWritten) -> rebuild(builder, changes, pagesWritten));
             Browser b = new Browser()) {
            builder.update(Progress.NONE, FileChanges.ANY, () -> { });
            String url = "http://127.0.0.1:" + server.address().getPort() + "/pooling.html";
            b.open(url);
            b.js("window.notReloaded = true");

            Path topic = content.resolve("05-pooling.md");
            Files.writeString(topic, Files.readString(topic) + "\n刚刚补充的一句：池化窗口可以重叠。\n");
            b.waiting(20).until(d -> bodyText(b).contains("刚刚补充的一句：池化窗口可以重叠。"));
            assertNull(b.js("return window.notReloaded"), "the page reloaded itself");
            assertEquals(url, b.driver().getCurrentUrl());

            Path layout = templates.resolve("layout.html");
            Files.writeString(layout, Files.readString(layout).replace("全部内容可离线阅读", "全部内容均可离线阅读"));
            b.waiting(20).until(d -> bodyText(b).contains("全部内容均可离线阅读"));

            assertEquals(List.of(), b.consoleErrors());
        }
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertTrue(!new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains("__simnotes"),
                        f + ": the reload script is added when serving, never written into the site");
            }
        }
    }

    private static String bodyText(Browser b) {
        return (String) b.js("return document.body.innerText");
    }

    private static void rebuild(SiteBuilder builder, FileChanges changes, Runnable pagesWritten) {
        try {
            builder.update(Progress.NONE, changes, pagesWritten);
        } catch (BuildException | IOException e) {
            throw new AssertionError("the rebuild failed", e);
        }
    }
}
