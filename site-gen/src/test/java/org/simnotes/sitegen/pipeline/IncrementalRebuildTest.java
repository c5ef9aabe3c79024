package org.simnotes.sitegen.pipeline;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.content.FileChanges;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.search.SearchScripts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dev server's rebuild after an edit gives the same site as a fresh build, touching only what changed. */
class IncrementalRebuildTest {
    @TempDir
    Path dir;

    private static void assertSameSite(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertTrue(Arrays.equals(v, actual.get(k)), k + " differs"));
    }

    @Test
    void anEditedTopicIsRebuiltAndNothingElseIsRewritten() throws Exception {
        Path content = contentCopy();
        try (SiteBuilder serving = new SiteBuilder(TestSite.options(content, dir.resolve("served")))) {
            editsAreRebuilt(content, serving);
        }
    }

    @Test
    void anEditedTemplateLaysEveryPageOutAgain() throws Exception {
        Path content = contentCopy();
        Path templates = dir.resolve("templates");
        TestSite.copyTree(TestSite.projectRoot().resolve("templates"), templates);
        BuildOptions options = new BuildOptions(content, templates, dir.resolve("served"), TestSite.mathCache(), null, false, false);
        try (SiteBuilder serving = new SiteBuilder(options)) {
            serving.update(Progress.NONE, FileChanges.ANY, () -> { });
            Path layout = templates.resolve("layout.html");
            Files.writeString(layout, Files.readString(layout).replace("<footer class=\"site-footer\">",
                    "<footer class=\"site-footer\"><p>模板改过了</p>"));
            // A later time than the first update's, however coarse the file system's clock.
            Files.setLastModifiedTime(layout, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
            serving.update(Progress.NONE, FileChanges.of(Set.of(layout)), () -> { });
        }
        assertTrue(read(dir.resolve("served/dropout.html")).contains("<p>模板改过了</p>"), "a topic page shows the edited template");
        assertTrue(read(dir.resolve("served/index.html")).contains("<p>模板改过了</p>"), "so does the home page");
    }

    /** A course of several search index parts: an edit rewrites its topic's part alone; parts no longer needed go. */
    @Test
    void anEditRewritesOnlyItsPartOfTheSearchIndex() throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yml"), "title: 大课程\nlanguage: zh-CN\ncategories:\n  - 全部\n");
        int topics = 2 * SearchScripts.TOPICS_PER_PART + 50;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < topics; i++) {
            files.add(Files.writeString(content.resolve(String.format("t%03d.md", i)), "---\ntitle: 第" + i + "题\nslug: t" + i
                    + "\norder: " + i + "\ncategory: 全部\nsummary: 摘要\n---\n## 面试回答\n\n> 回答" + i + "。\n"));
        }
        Path served = dir.resolve("served");
        try (SiteBuilder serving = new SiteBuilder(TestSite.options(content, served))) {
            serving.update(Progress.NONE, FileChanges.ANY, () -> { });
            FileTime old = FileTime.fromMillis(1_000_000L);
            for (int p = 0; p < 3; p++) {
                Files.setLastModifiedTime(served.resolve(SearchScripts.partName(p)), old);
            }
            Path edited = files.get(SearchScripts.TOPICS_PER_PART + 7);
            Files.writeString(edited, Files.readString(edited) + "\n新加的一句：残差连接。\n");
            serving.update(Progress.NONE, changed(edited), () -> { });
            assertTrue(read(served.resolve(SearchScripts.partName(1))).contains("新加的一句"), "the edited topic's part is written");
            assertEquals(old, Files.getLastModifiedTime(served.resolve(SearchScripts.partName(0))), "the others are not");
            assertEquals(old, Files.getLastModifiedTime(served.resolve(SearchScripts.partName(2))));
            assertSameAsFreshBuild(content, "fresh");

            List<Path> removed = files.subList(SearchScripts.TOPICS_PER_PART + 40, topics);
            for (Path f : removed) {
                Files.delete(f);
            }
            serving.update(Progress.NONE, FileChanges.of(Set.copyOf(removed)), () -> { });
            assertFalse(Files.exists(served.resolve(SearchScripts.partName(2))), "a part no longer needed goes");
            assertSameAsFreshBuild(content, "fresh2");
        }
    }

    /** An update when nothing changed writes nothing. */
    @Test
    void anUpdateWithNothingChangedWritesNothing() throws Exception {
        Path content = contentCopy();
        Path served = dir.resolve("served");
        try (SiteBuilder serving = new SiteBuilder(TestSite.options(content, served))) {
            serving.update(Progress.NONE, FileChanges.ANY, () -> { });
            FileTime old = FileTime.fromMillis(1_000_000L);
            List<Path> files;
            try (Stream<Path> all = Files.walk(served)) {
                files = all.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                Files.setLastModifiedTime(f, old);
            }
            for (int i = 0; i < 3; i++) {
                serving.update(Progress.NONE, FileChanges.NONE, () -> { });
            }
            for (Path f : files) {
                assertEquals(old, Files.getLastModifiedTime(f), f + " was written again");
            }
            try (Stream<Path> all = Files.walk(served)) {
                assertEquals(files.size(), all.filter(Files::isRegularFile).count(), "no file came or went");
            }
        }
    }

    /**
     * A topic given a new slug: the pages linking to it by its file link to its new page. An update
     * that failed half way, with another slug, leaves nothing behind for the next one.
     */
    @Test
    void aTopicGivenANewSlugIsLinkedUnderItsNewPage() throws Exception {
        Path content = contentCopy();
        Path residual = content.resolve("02-residual-connection.md");
        Files.writeString(residual, Files.readString(residual) + "\n另见[丢弃法](04-dropout.md)。\n");
        Path dropout = content.resolve("04-dropout.md");
        String text = Files.readString(dropout);
        Path served = dir.resolve("served");
        try (SiteBuilder serving = new SiteBuilder(TestSite.options(content, served))) {
            serving.update(Progress.NONE, FileChanges.ANY, () -> { });
            assertTrue(read(served.resolve("residual-connection.html")).contains("href=\"dropout.html\""));

            Files.writeString(dropout, text.replace("slug: dropout\n", "slug: dropout-x\n") + "\n见[不存在](no-such.md)。\n");
            assertThrows(BuildException.class, () -> serving.update(Progress.NONE, changed(dropout), () -> { }));
            Files.writeString(dropout, text);
            serving.update(Progress.NONE, changed(dropout), () -> { });
            assertSameAsFreshBuild(content, "fresh");

            Files.writeString(dropout, text.replace("slug: dropout\n", "slug: regularisation\n"));
            serving.update(Progress.NONE, changed(dropout), () -> { });
            assertTrue(read(served.resolve("residual-connection.html")).contains("href=\"regularisation.html\""), "the link follows the slug");
            assertFalse(Files.exists(served.resolve("dropout.html")), "the old page goes");
            assertSameAsFreshBuild(content, "fresh2");
        }
    }

    /** A link checked fine once is checked again when site.yml no longer allows its host. */
    @Test
    void aHostNoLongerAllowedFailsTheRebuild() throws Exception {
        Path content = contentCopy();
        Path config = content.resolve("site.yml");
        String settings = Files.readString(config);
        Files.writeString(config, settings + "allowed_hosts:\n  - arxiv.org\n");
        Path residual = content.resolve("02-residual-connection.md");
        Files.writeString(residual, Files.readString(residual) + "\n原论文见[这里](https://arxiv.org/abs/1810.04805)。\n");
        try (SiteBuilder serving = new SiteBuilder(TestSite.options(content, dir.resolve("served")))) {
            serving.update(Progress.NONE, FileChanges.ANY, () -> { });
            Files.writeString(config, settings);
            BuildException fault = assertThrows(BuildException.class,
                    () -> serving.update(Progress.NONE, changed(config), () -> { }));
            assertTrue(fault.getMessage().contains("02-residual-connection.md") && fault.getMessage().contains("arxiv.org"), fault.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file system whose clock is coarse may give an edit the size and time of the text before it. */
    @Test
    void aFileTheWatcherNamesIsReadAgainThoughItsSizeAndTimeLookTheSame() throws Exception {
        Path content = contentCopy();
        try (SiteBuilder serving = new SiteBuilder(TestSite.options(content, dir.resolve("served")))) {
            serving.update(Progress.NONE, FileChanges.ANY, () -> { });
            Path topic = content.resolve("04-dropout.md");
            FileTime time = Files.getLastModifiedTime(topic);
            String text = Files.readString(topic);
            Files.writeString(topic, text.replaceFirst("Dropout", "DROPOUT"));
            Files.setLastModifiedTime(topic, time);
            serving.update(Progress.NONE, changed(topic), () -> { });
        }
        assertTrue(read(dir.resolve("served/dropout.html")).contains("DROPOUT"), "the edit is on the page");
    }

    /** Each edit is passed to the update as the dev server's watcher reports it: the files it changed. */
    private void editsAreRebuilt(Path content, SiteBuilder serving) throws Exception {
        serving.update(Progress.NONE, FileChanges.ANY, () -> { });
        Path untouched = dir.resolve("served/residual-connection.html");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(untouched, old);

        Path topic = content.resolve("04-dropout.md");
        Files.writeString(topic, Files.readString(topic) + "\n补充：训练和推理的行为不同。\n");
        List<String> seenWhenPagesWritten = new ArrayList<>();
        serving.update(Progress.NONE, changed(topic), () -> seenWhenPagesWritten.add(read(dir.resolve("served/dropout.html"))));
        assertTrue(seenWhenPagesWritten.get(0).contains("补充：训练和推理的行为不同。"), "the page is written before the callback");
        assertTrue(read(dir.resolve("served/search-index-0.js")).contains("补充：训练和推理的行为不同"), "then the search index");
        assertSameAsFreshBuild(content, "fresh");
        Map<String, byte[]> served = ReproducibleBuildTest.files(dir.resolve("served"));
        assertTrue(new String(served.get("dropout.html"), java.nio.charset.StandardCharsets.UTF_8).contains("补充：训练和推理的行为不同。"));
        assertEquals(old, Files.getLastModifiedTime(untouched), "an unchanged page is not written again");

        Path removed = content.resolve("03-batchnorm-vs-layernorm.md");
        Path rewritten = content.resolve("06-rnn.md");
        Files.delete(removed);
        Files.writeString(rewritten, Files.readString(rewritten));
        serving.update(Progress.NONE, changed(removed, rewritten), () -> { });
        assertFalse(Files.exists(dir.resolve("served/batchnorm-vs-layernorm.html")), "a removed topic's page goes");
        assertSameAsFreshBuild(content, "fresh2");
        assertNotEquals(old, Files.getLastModifiedTime(untouched), "the navigation changed, so every page was laid out again");

        Path residual = content.resolve("02-residual-connection.md");
        String good = Files.readString(residual);
        Map<String, byte[]> before = ReproducibleBuildTest.files(dir.resolve("served"));
        Files.writeString(residual, good + "\n新公式 $\\sum_{i=1}^{n} w_i$，另见 [不存在](no-such-topic.md)。\n");
        assertThrows(BuildException.class, () -> serving.update(Progress.NONE, changed(residual), () -> { }));
        assertSameSite(before, ReproducibleBuildTest.files(dir.resolve("served")));
        Files.writeString(residual, good + "\n新公式 $\\sum_{i=1}^{n} w_i$。\n");
        serving.update(Progress.NONE, changed(residual), () -> { });
        assertSameAsFreshBuild(content, "fresh3");

        // A new file with faults stops every update until it is mended, though later edits do not name it.
        Path added = content.resolve("08-added.md");
        Files.writeString(added, "---\ntitle: 新增\n---\n\n## 正文\n");
        BuildException fault = assertThrows(BuildException.class, () -> serving.update(Progress.NONE, changed(added), () -> { }));
        assertTrue(fault.getMessage().contains("08-added.md"), fault.getMessage());
        Files.writeString(topic, Files.readString(topic) + "\n再补充一句。\n");
        fault = assertThrows(BuildException.class, () -> serving.update(Progress.NONE, changed(topic), () -> { }));
        assertTrue(fault.getMessage().contains("08-added.md"), fault.getMessage());
        Files.writeString(added, Files.readString(residual).replace("slug: residual-connection", "slug: added"));
        serving.update(Progress.NONE, changed(added), () -> { });
        assertTrue(Files.exists(dir.resolve("served/added.html")), "the mended topic is built");
        assertSameAsFreshBuild(content, "fresh4");
    }

    /** A copy of the fixture course, for a test to edit. */
    private Path contentCopy() throws IOException {
        Path content = dir.resolve("content");
        TestSite.copyTree(TestSite.course(), content);
        return content;
    }

    private static FileChanges changed(Path... files) {
        return FileChanges.of(Set.of(files));
    }

    private void assertSameAsFreshBuild(Path content, String name) throws Exception {
        new SiteBuilder(TestSite.options(content, dir.resolve(name))).build(Progress.NONE);
        assertSameSite(ReproducibleBuildTest.files(dir.resolve(name)), ReproducibleBuildTest.files(dir.resolve("served")));
    }
}
