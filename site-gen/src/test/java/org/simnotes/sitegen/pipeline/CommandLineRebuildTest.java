package org.simnotes.sitegen.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.fault.BuildException;
import org.simnotes.sitegen.math.KatexDist;
import org.simnotes.sitegen.math.MathRenderer;
import org.simnotes.sitegen.search.SearchScripts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build from the command line, in a new process each time (a new {@link SiteBuilder} here), with the
 * last output and the cache folder present: it renders, lays out and writes only what changed, and
 * gives the bytes a fresh build into a new folder with an empty cache gives.
 */
class CommandLineRebuildTest {
    @TempDir
    Path dir;
    private Path content;
    private Path templates;
    private Path cache;
    private Path site;

    @BeforeEach
    void copyCourse() throws IOException {
        content = dir.resolve("content");
        templates = dir.resolve("templates");
        TestSite.copyTree(TestSite.course(), content);
        TestSite.copyTree(TestSite.projectRoot().resolve("templates"), templates);
        cache = dir.resolve("cache");
        site = dir.resolve("site");
    }

    private BuildResult build() throws Exception {
        return build(site, cache);
    }

    private BuildResult build(Path output, Path cacheDir) throws Exception {
        return build(output, cacheDir, Progress.NONE);
    }

    private BuildResult build(Path output, Path cacheDir, Progress progress) throws Exception {
        return build(output, cacheDir, progress, reuse());
    }

    private BuildResult build(Path output, Path cacheDir, Progress progress, Reuse reuse) throws Exception {
        try (SiteBuilder builder = new SiteBuilder(new BuildOptions(content, templates, output, cacheDir, null, false, false), reuse)) {
            return builder.build(progress);
        }
    }

    /** What each build keeps for the next: nothing, as each runs in a process of its own. */
    Reuse reuse() {
        return null;
    }

    /** Changes a topic's title, which every page's sidebar shows, and not its body. */
    private void retitleDropout() throws IOException {
        Path dropout = content.resolve("04-dropout.md");
        Files.writeString(dropout, Files.readString(dropout).replace("title: dropout的作用是什么", "title: Dropout 有什么用"));
    }

    /** A build that, once every body is made and before any page is laid out, spoils each body file of the cache folder. */
    private BuildResult buildSpoilingTheBodiesAtTheirEnd() throws Exception {
        Path bodies = cache.resolve("bodies");
        return build(site, cache, (done, total) -> {
            if (done < total) {
                return;
            }
            try (Stream<Path> all = Files.list(bodies)) {
                List<Path> files = all.toList();
                for (int i = 0; i < files.size(); i++) {
                    // Some removed, as another build sharing the folder prunes; some changed, as it writes another body under a key.
                    if (i % 2 == 0) {
                        Files.delete(files.get(i));
                    } else {
                        byte[] bytes = Files.readAllBytes(files.get(i));
                        bytes[bytes.length / 2] ^= 1;
                        Files.write(files.get(i), bytes);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Each file under {@code root} (the cache folder's too) with its inode, size and modification time. */
    private static Map<String, String> stamps(Path root) throws IOException {
        Map<String, String> stamps = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                stamps.put(root.relativize(p).toString(), Files.getAttribute(p, "unix:ino") + " " + Files.size(p) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return stamps;
    }

    /** The files whose stamp differs, or that one side lacks. */
    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeIf(n -> before.getOrDefault(n, "").equals(after.getOrDefault(n, "")));
        return names;
    }

    /** The site equals, byte for byte, a build into a new folder whose cache holds only {@code formulas} (none: empty). */
    private void assertSameAsFreshBuild(String formulas) throws Exception {
        Path freshCache = dir.resolve("fresh-cache");
        if (formulas != null) {
            Files.createDirectories(freshCache);
            Files.writeString(freshCache.resolve(formulaCache().getFileName()), formulas);
        }
        BuildResult fresh = build(dir.resolve("fresh"), freshCache, Progress.NONE, null);
        assertEquals(fresh.pages() - 3, fresh.bodiesRendered(), "the fresh build rendered every body");
        Map<String, byte[]> expected = ReproducibleBuildTest.files(dir.resolve("fresh"));
        Map<String, byte[]> actual = ReproducibleBuildTest.files(site);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, actual.get(name)), name + " differs from a fresh build"));
    }

    private Path formulaCache() {
        return cache.resolve("katex-" + KatexDist.VERSION + ".json");
    }

    @Test
    void aSecondBuildWithNothingChangedRendersLaysOutAndWritesNothing() throws Exception {
        BuildResult first = build();
        assertEquals(first.pages() - 3, first.bodiesRendered());
        assertEquals(first.pages(), first.pagesLaidOut());
        Map<String, String> siteBefore = stamps(site);
        Map<String, String> cacheBefore = stamps(cache);
        assertEquals(siteBefore.size(), first.filesWritten() + 1, "every file but the marker was counted");

        BuildResult second = build();
        assertEquals(0, second.bodiesRendered());
        assertEquals(0, second.pagesLaidOut());
        assertEquals(0, second.filesWritten());
        assertEquals(first.searchIndexBytes(), second.searchIndexBytes());
        assertEquals(siteBefore, stamps(site), "no file of the site was written");
        assertEquals(cacheBefore, stamps(cache), "no file of the cache was written");
        assertSameAsFreshBuild(null);
    }

    @Test
    void aChangedBodyRewritesItsPageAndItsPartOfTheSearchIndexOnly() throws Exception {
        build();
        Map<String, String> before = stamps(site);
        Path dropout = content.resolve("04-dropout.md");
        Files.writeString(dropout, Files.readString(dropout) + "\n补充一句：丢弃率通常取 0.5。\n");

        BuildResult second = build();
        assertEquals(1, second.bodiesRendered());
        assertEquals(1, second.pagesLaidOut());
        assertEquals(Set.of("dropout.html", SearchScripts.partName(0)), changed(before, stamps(site)));
        assertEquals(2, second.filesWritten());
        assertSameAsFreshBuild(null);
    }

    @Test
    void aFileChangedWithItsSizeAndTimeKeptIsStillSeen() throws Exception {
        build();
        Path image = content.resolve("images/residual-block.png");
        byte[] bytes = Files.readAllBytes(image);
        FileTime time = Files.getLastModifiedTime(image);
        bytes[bytes.length - 1] ^= 1;
        Files.write(image, bytes);
        Files.setLastModifiedTime(image, time);

        BuildResult second = build();
        assertEquals(1, second.filesWritten());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(site.resolve("images/residual-block.png"))));
        assertSameAsFreshBuild(null);
    }

    @Test
    void anEditInAContentFolderReachedThroughALinkIsSeen() throws Exception {
        Path real = content;
        content = Files.createSymbolicLink(dir.resolve("linked-content"), real);
        build();
        Path dropout = real.resolve("04-dropout.md");
        Files.writeString(dropout, Files.readString(dropout) + "\n经由链接改的一句。\n");

        BuildResult second = build();
        assertEquals(1, second.bodiesRendered());
        assertTrue(Files.readString(site.resolve("dropout.html")).contains("经由链接改的一句"));
    }

    @Test
    void anUnchangedRebuildReportsWhatTheBuildItKeptReported() throws Exception {
        Path dropout = content.resolve("04-dropout.md");
        Files.writeString(dropout, Files.readString(dropout).replace("面试", "答题"));
        BuildResult first = build();
        assertTrue(first.warnings().stream().anyMatch(w -> w.file().endsWith("04-dropout.md") && w.message().contains("no interview answer")),
                first.warnings().toString());

        BuildResult second = build();
        assertEquals(0, second.pagesLaidOut());
        assertEquals(first.warnings(), second.warnings());
        assertEquals(first.pages(), second.pages());
        assertEquals(first.searchIndexBytes(), second.searchIndexBytes());
    }

    @Test
    void aChangedTitleLaysOutEveryPageButRendersNoBody() throws Exception {
        build();
        retitleDropout();

        BuildResult second = build();
        assertEquals(0, second.bodiesRendered(), "the title is front matter, not body");
        assertEquals(second.pages(), second.pagesLaidOut(), "every page's sidebar names the topic");
        assertSameAsFreshBuild(null);
    }

    @Test
    void frontMatterIsTakenFromTheCacheOnlyWhileItsTextIsTheSame() throws Exception {
        build();
        Path dropout = content.resolve("04-dropout.md");
        String good = Files.readString(dropout);
        Files.writeString(dropout, good.replace("order: 4", "order: 4\ntags: [又一个]"));
        BuildException twice = assertThrows(BuildException.class, this::build);
        assertTrue(twice.getMessage().contains("field 'tags' is given twice"), twice.getMessage());
        assertEquals(twice.getMessage(), assertThrows(BuildException.class, this::build).getMessage(), "reported by every build");

        Files.writeString(dropout, good.replace("tags: [Dropout, 正则化, 过拟合]", "tags: [Dropout, 随机失活]"));
        BuildResult retagged = build();
        assertEquals(0, retagged.bodiesRendered(), "tags are front matter, not body");
        assertTrue(Files.readString(site.resolve("dropout.html")).contains("随机失活"));
        assertSameAsFreshBuild(null);
    }

    @Test
    void aChangedSiteYmlIsNeverServedFromTheCache() throws Exception {
        build();
        Path yml = content.resolve("site.yml");
        String text = Files.readString(yml);
        String title = text.lines().filter(l -> l.startsWith("title:")).findFirst().orElseThrow();
        Files.writeString(yml, text.replace(title, "title: 改过的站名"));

        BuildResult second = build();
        assertEquals(second.pages(), second.pagesLaidOut());
        assertTrue(Files.readString(site.resolve("index.html")).contains("改过的站名"));
        assertSameAsFreshBuild(null);
    }

    @Test
    void aChangedTemplateIsNeverServedFromTheCache() throws Exception {
        build();
        Path layout = templates.resolve("layout.html");
        Files.writeString(layout, Files.readString(layout).replace("<footer class=\"site-footer\">",
                "<footer class=\"site-footer\"><p>模板改过了</p>"));

        BuildResult second = build();
        assertEquals(0, second.bodiesRendered());
        assertEquals(second.pages(), second.pagesLaidOut());
        assertTrue(Files.readString(site.resolve("dropout.html")).contains("模板改过了"));
        assertSameAsFreshBuild(null);
    }

    @Test
    void aChangedFormulaCacheEntryIsNeverServedFromTheBodyCache() throws Exception {
        build();
        ObjectMapper json = new ObjectMapper();
        Map<String, String> formulas = json.readValue(formulaCache().toFile(), new TypeReference<TreeMap<String, String>>() { });
        String key = MathRenderer.key("p", false);
        assertTrue(formulas.containsKey(key), "the dropout topic's $p$ is in the formula cache");
        formulas.put(key, "<span class=\"edited-entry\">" + formulas.get(key) + "</span>");
        Files.writeString(formulaCache(), json.writeValueAsString(formulas));

        BuildResult second = build();
        assertTrue(second.bodiesRendered() >= 1);
        assertTrue(Files.readString(site.resolve("dropout.html")).contains("edited-entry"));
        assertSameAsFreshBuild(Files.readString(formulaCache()));
    }

    @Test
    void damagedCacheFilesAreIgnored() throws Exception {
        build();
        try (Stream<Path> all = Files.walk(cache)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.equals(formulaCache())).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                bytes[bytes.length / 2] ^= 1;
                Files.write(p, bytes);
            }
        }
        BuildResult second = build();
        assertEquals(second.pages() - 3, second.bodiesRendered());
        assertEquals(second.pages(), second.pagesLaidOut());
        assertSameAsFreshBuild(null);
    }

    @Test
    void aBodyFileSpoiledDuringTheBuildThatWroteItIsRenderedAgainForItsPage() throws Exception {
        BuildResult first = buildSpoilingTheBodiesAtTheirEnd();
        assertEquals(first.pages() - 3, first.bodiesRendered(), "a body rendered again for its page is counted once");
        assertEquals(first.pages(), first.pagesLaidOut());
        assertSameAsFreshBuild(null);
    }

    @Test
    void aBodyFileSpoiledDuringTheBuildThatReadItIsRenderedAgainForItsPage() throws Exception {
        build();
        retitleDropout();

        BuildResult second = buildSpoilingTheBodiesAtTheirEnd();
        assertEquals(second.pages() - 3, second.bodiesRendered(), "each spoiled body is rendered again for its page");
        assertEquals(second.pages(), second.pagesLaidOut(), "every page shows its body again");
        assertSameAsFreshBuild(null);
    }

    @Test
    void anOutputChangedByHandIsWrittenWholeAgain() throws Exception {
        build();
        Files.writeString(site.resolve("dropout.html"), "改坏了");
        Files.writeString(site.resolve("notes.txt"), "不是生成的");
        Files.delete(site.resolve("pooling.html"));

        BuildResult second = build();
        assertEquals(0, second.bodiesRendered());
        assertEquals(second.pages(), second.pagesLaidOut());
        assertSameAsFreshBuild(null);
    }

    @Test
    void aFailedBuildLeavesTheLastOutputAndItsStateAsTheyWere() throws Exception {
        build();
        Map<String, String> before = stamps(site);
        Path dropout = content.resolve("04-dropout.md");
        String good = Files.readString(dropout);
        Files.writeString(dropout, good + "\n[坏链接](no-such-topic.md)\n");
        assertThrows(BuildException.class, this::build);
        assertEquals(before, stamps(site));

        Files.writeString(dropout, good);
        BuildResult again = build();
        assertEquals(0, again.filesWritten());
        assertEquals(before, stamps(site));
    }

    /**
     * The assets fail while the search index is being made on another thread: the build reports the assets'
     * fault once the index is done, and leaves the last output as it was, or, for a first build, no folder.
     */
    @Test
    void aFaultWhileTheSearchIndexIsMadeLeavesTheLastOutputAsItWas() throws Exception {
        build();
        Map<String, String> before = stamps(site);
        Path outside = Files.writeString(dir.resolve("outside.css"), "body { color: red; }");
        Path link = Files.createSymbolicLink(templates.resolve("assets/outside.css"), outside);
        Files.writeString(content.resolve("04-dropout.md"), Files.readString(content.resolve("04-dropout.md")) + "\n又改了一处。\n");
        BuildException fault = assertThrows(BuildException.class, this::build);
        assertTrue(fault.getMessage().contains("outside.css"), fault.getMessage());
        assertEquals(before, stamps(site));

        Path first = dir.resolve("first");
        assertThrows(BuildException.class, () -> build(first, dir.resolve("first-cache")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".first") || n.equals("first")).toList(),
                    "a failed first build leaves no folder, staged or not");
        }

        Files.delete(link);
        build();
        assertSameAsFreshBuild(null);
    }

    @Test
    void anotherOutputFolderIsWrittenWholeWithTheBodiesOfTheCache() throws Exception {
        build();
        BuildResult other = build(dir.resolve("other"), cache);
        assertEquals(0, other.bodiesRendered());
        assertEquals(other.pages(), other.pagesLaidOut());
        Map<String, byte[]> a = ReproducibleBuildTest.files(site);
        Map<String, byte[]> b = ReproducibleBuildTest.files(dir.resolve("other"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, b.get(name)), name + " differs"));
    }
}
