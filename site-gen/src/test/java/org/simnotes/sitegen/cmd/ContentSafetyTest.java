package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;

/**
 * What a build reads, links and names, tried as an attacker and as a careless author would: every
 * file it publishes comes from inside the course, links and slugs take no name the generator needs,
 * and each fault is one located line. A refused build leaves the last site and zip byte for byte.
 */
class ContentSafetyTest {
    /** Lines of a topic written by {@link #topic} with {@link #fm}: fields from 2, the body from 8. */
    private static final int SLUG_LINE = 3;
    private static final int CATEGORY_LINE = 5;
    private static final int BODY_LINE = 8;

    @TempDir
    Path dir;
    private Path content;
    private Path secret;

    @BeforeEach
    void course() throws IOException {
        content = dir.resolve("content");
        Files.createDirectories(content.resolve("img"));
        Files.writeString(content.resolve("site.yml"), "title: 测试站点\nbase_url: https://example.org/\ncategories:\n  - 基础\n");
        Files.write(content.resolve("img/dot.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        topic("01-a.md", fm("a", 1), "## 第一节\n\n![点](img/dot.png)\n\n## 面试回答\n> 答\n");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        secret = Files.writeString(outside.resolve("shadow"), "SECRET-" + System.nanoTime());
    }

    // Fault: symlinks publish files from outside the course.

    @Test
    void aLinkToTheRootFolderDoesNotPublishAFileFromOutside() throws IOException {
        Published before = publishGood();
        Files.createSymbolicLink(content.resolve("root"), Path.of("/"));
        String url = "root" + secret.toAbsolutePath();
        topic("02-b.md", fm("b", 2), "## 节\n\n![x](" + url + ")\n");
        before.assertRefused("02-b.md:" + (BODY_LINE + 2) + ": image '" + url + "': leads to "
                + secret.toRealPath() + ", outside content/: only files inside it are read");
    }

    @Test
    void aLinkToAFileOutsideIsNotPublished() throws IOException {
        Published before = publishGood();
        Files.createSymbolicLink(content.resolve("img/leak.png"), secret);
        topic("02-b.md", fm("b", 2), "## 节\n\n见 [附件](img/leak.png)。\n");
        before.assertRefused("02-b.md:" + (BODY_LINE + 2) + ": link 'img/leak.png': leads to "
                + secret.toRealPath() + ", outside content/");
    }

    @Test
    void aTopicFileThatLeadsOutsideIsRefusedNotPublished() throws IOException {
        Published before = publishGood();
        Path elsewhere = Files.writeString(dir.resolve("outside/evil.md"), "---\n" + fm("evil", 2) + "---\n## 节\n\n" + Files.readString(secret) + "\n");
        Files.createSymbolicLink(content.resolve("02-evil.md"), elsewhere);
        before.assertRefused("02-evil.md: leads to " + elsewhere.toRealPath() + ", outside content/: only files inside it are read");
    }

    @Test
    void aSiteConfigurationThatLeadsOutsideIsRefused() throws IOException {
        Published before = publishGood();
        Path elsewhere = Files.writeString(dir.resolve("outside/site.yml"), Files.readString(content.resolve("site.yml")));
        Files.delete(content.resolve("site.yml"));
        Files.createSymbolicLink(content.resolve("site.yml"), elsewhere);
        before.assertRefused("site.yml: leads to " + elsewhere.toRealPath() + ", outside content/");
    }

    @Test
    void linksThatStayInsideTheCourseStillWork() throws IOException {
        Files.createDirectories(content.resolve("drafts"));
        topic("drafts/c.md", fm("c", 3), "## 节\n\n![点](pics/dot.png)\n\n## 面试回答\n> 答\n");
        Files.createSymbolicLink(content.resolve("03-c.md"), Path.of("drafts/c.md"));
        Files.createSymbolicLink(content.resolve("pics"), Path.of("img"));
        CliRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(site().resolve("c.html")).contains("src=\"pics/dot.png\""));
        assertArrayEquals(Files.readAllBytes(content.resolve("img/dot.png")), Files.readAllBytes(site().resolve("pics/dot.png")));
    }

    @Test
    void aTemplateAssetThatLeadsOutsideIsRefused() throws IOException {
        Path templates = templatesCopy();
        Published before = publishGood(templates);
        Files.createSymbolicLink(templates.resolve("assets/leak.css"), secret);
        before.assertRefused(templates, "leak.css: leads to " + secret.toRealPath() + ", outside templates/");
    }

    @Test
    void aTemplateThatLeadsOutsideIsRefused() throws IOException {
        Path templates = templatesCopy();
        Published before = publishGood(templates);
        Path elsewhere = Files.writeString(dir.resolve("outside/topic.html"), "<p>" + Files.readString(secret) + "</p>");
        Files.delete(templates.resolve("topic.html"));
        Files.createSymbolicLink(templates.resolve("topic.html"), elsewhere);
        before.assertRefused(templates, "topic.html: template error: template 'topic' leads to " + elsewhere.toRealPath()
                + ", outside templates/");
    }

    // Fault: reserved slugs silently replace the home, search or 404 page.

    @Test
    void aSlugThatTakesTheSitesOwnPageIsRefusedAtItsLine() throws IOException {
        for (String slug : new String[] {"index", "search", "404"}) {
            Published before = publishGood();
            topic("02-b.md", fm(slug, 2), "## 节\n\n## 面试回答\n> 答\n");
            before.assertRefused("02-b.md:" + SLUG_LINE + ": slug '" + slug + "' is taken: the site's own page "
                    + slug + ".html has that name; choose another slug");
            Files.delete(content.resolve("02-b.md"));
        }
    }

    @Test
    void aShippedFileThatTakesAGeneratedNameIsRefusedAtItsLine() throws IOException {
        Published before = publishGood();
        Files.createDirectories(content.resolve("assets"));
        Files.writeString(content.resolve("robots.txt"), "User-agent: *\nDisallow: /\n");
        Files.writeString(content.resolve("search-index-0.js"), "alert(1)");
        Files.write(content.resolve("assets/pic.png"), new byte[] {1});
        topic("02-b.md", fm("b", 2), "## 节\n\n[r](robots.txt)\n\n[s](./search-index-0.js)\n\n![p](assets/pic.png)\n");
        CliRun run = before.assertRefused("02-b.md:" + (BODY_LINE + 2) + ": link 'robots.txt': robots.txt is a name "
                + "the build writes itself: move the file to another name or folder, such as img/");
        assertTrue(run.err().contains("02-b.md:" + (BODY_LINE + 4) + ": link './search-index-0.js': search-index-0.js is a name"), run.err());
        assertTrue(run.err().contains("02-b.md:" + (BODY_LINE + 6) + ": image 'assets/pic.png': assets/pic.png is a name"), run.err());
    }

    // Fault: links decoded twice.

    @Test
    void aLinkIsDecodedOnceAsTheBrowserWill() throws IOException {
        Files.write(content.resolve("img/c d.png"), new byte[] {1});
        Files.write(content.resolve("img/c%20d.png"), new byte[] {2});
        Files.write(content.resolve("img/a+b.png"), new byte[] {3});
        topic("02-b.md", fm("b", 2), "## 节\n\n![1](img/c%20d.png) ![2](img/c%2520d.png) ![3](img/a+b.png)\n\n## 面试回答\n> 答\n");
        CliRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        Map<String, byte[]> expected = Map.of("1", new byte[] {1}, "2", new byte[] {2}, "3", new byte[] {3});
        for (Element img : Jsoup.parse(site().resolve("b.html").toFile(), "UTF-8").select(".content img")) {
            Path served = site().resolve(URI.create(img.attr("src")).getPath());
            assertArrayEquals(expected.get(img.attr("alt")), Files.readAllBytes(served), img.attr("src"));
        }

        Published before = publishGood();
        Files.delete(content.resolve("img/c%20d.png"));
        before.assertRefused("02-b.md:" + (BODY_LINE + 2) + ": image 'img/c%2520d.png': no such file in content/");
    }

    // Faults from the smaller list: front matter, repeated and script links, encoding, located fields.

    @Test
    void aFieldGivenTwiceIsRefusedAtTheSecondKey() throws IOException {
        Published before = publishGood();
        topic("02-b.md", fm("b", 2) + "title: 另一个\n", "## 节\n");
        before.assertRefused("02-b.md:7: field 'title' is given twice (first on line 2): keep one");

        Files.delete(content.resolve("02-b.md"));
        Files.writeString(content.resolve("site.yml"), "title: 测试站点\ncategories:\n  - 基础\ntitle: 别的站点\n");
        before.assertRefused("site.yml:4: field 'title' is given twice (first on line 1): keep one");
    }

    @Test
    void theSameBadAddressIsReportedOnEveryLine() throws IOException {
        Published before = publishGood();
        topic("02-b.md", fm("b", 2), "## 节\n\n![x](img/none.png)\n\n[y](img/none.png)\n\n![z](img/none.png)\n");
        CliRun run = before.assertRefused("02-b.md:" + (BODY_LINE + 2) + ": image 'img/none.png': no such file in content/");
        assertTrue(run.err().contains("02-b.md:" + (BODY_LINE + 4) + ": link 'img/none.png': no such file in content/"), run.err());
        assertTrue(run.err().contains("02-b.md:" + (BODY_LINE + 6) + ": image 'img/none.png': no such file in content/"), run.err());
    }

    @Test
    void aScriptLinkIsReportedWhateverItsCase() throws IOException {
        Published before = publishGood();
        topic("02-b.md", fm("b", 2), "## 节\n\n[a](javascript:alert(1))\n\n[b](JavaScript:alert(2))\n");
        CliRun run = before.assertRefused("02-b.md:" + (BODY_LINE + 2)
                + ": link 'javascript:alert(1)' uses javascript: addresses, which pages may not");
        assertTrue(run.err().contains("02-b.md:" + (BODY_LINE + 4) + ": link 'JavaScript:alert(2)' uses javascript:"), run.err());
    }

    @Test
    void invalidUtf8IsReportedAtTheLineOfTheFirstBadByte() throws IOException {
        Published before = publishGood();
        Files.write(content.resolve("02-b.md"), concat(("---\n" + fm("b", 2) + "---\n## 节\n\n第一行\n").getBytes(StandardCharsets.UTF_8),
                new byte[] {'x', (byte) 0xC3, '(', '\n'}));
        before.assertRefused("02-b.md:" + (BODY_LINE + 3) + ": not valid UTF-8 text: byte 0xC3");

        Files.delete(content.resolve("02-b.md"));
        Files.write(content.resolve("site.yml"), concat("title: 测试站点\ncategories:\n  - 基础\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {' ', ' ', '-', ' ', (byte) 0xFF, '\n'}));
        before.assertRefused("site.yml:4: not valid UTF-8 text: byte 0xFF");
    }

    @Test
    void aDuplicateSlugAndAnUnlistedCategoryNameTheirLines() throws IOException {
        Published before = publishGood();
        topic("02-b.md", fm("a", 2), "## 节\n");
        before.assertRefused("02-b.md:" + SLUG_LINE + ": slug 'a' is already used by 01-a.md");

        topic("02-b.md", fm("b", 2).replace("category: 基础", "category: 其他"), "## 节\n");
        before.assertRefused("02-b.md:" + CATEGORY_LINE + ": category '其他' is not listed under categories in site.yml");
    }

    /** The site and zip published from the course as it was, to compare a refused build's with. */
    private final class Published {
        private final Map<String, String> siteFiles;
        private final byte[] zip;

        Published() throws IOException {
            siteFiles = snapshot(site());
            zip = Files.readAllBytes(zip());
        }

        CliRun assertRefused(String message) throws IOException {
            return assertRefused(TestSite.projectRoot().resolve("templates"), message);
        }

        /**
         * Builds and bundles the course as it is now: both fail with {@code message} and no stack trace,
         * the previous site and zip stay byte-identical, no source changed and nothing from outside leaked.
         */
        CliRun assertRefused(Path templates, String message) throws IOException {
            Map<String, String> sources = snapshot(dir, site(), zip());
            CliRun run = build(templates);
            CliRun bundled = bundle(templates);
            for (CliRun r : new CliRun[] {run, bundled}) {
                assertEquals(1, r.exitCode(), r.out() + r.err());
                assertTrue(r.err().contains(message), "expected «" + message + "» in:\n" + r.err());
                assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
            }
            assertEquals(siteFiles, snapshot(site()), "the previous site is byte-identical");
            assertArrayEquals(zip, Files.readAllBytes(zip()), "the previous zip is byte-identical");
            assertEquals(sources, snapshot(dir, site(), zip()), "nothing outside the output changed");
            assertNoSecret();
            return run;
        }
    }

    private Published publishGood() throws IOException {
        return publishGood(TestSite.projectRoot().resolve("templates"));
    }

    private Published publishGood(Path templates) throws IOException {
        CliRun built = build(templates);
        assertEquals(0, built.exitCode(), built.err());
        CliRun bundled = bundle(templates);
        assertEquals(0, bundled.exitCode(), bundled.err());
        return new Published();
    }

    /** No byte of the secret file reached the site or the zip. */
    private void assertNoSecret() throws IOException {
        String secretText = Files.readString(secret);
        for (String file : snapshot(site()).values()) {
            assertFalse(file.contains(secretText), "the secret is in the site");
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zip()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertFalse(new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1).contains(secretText), e.getName());
            }
        }
    }

    private Path site() {
        return dir.resolve("site");
    }

    private Path zip() {
        return dir.resolve("site.zip");
    }

    private CliRun build() {
        return build(TestSite.projectRoot().resolve("templates"));
    }

    private CliRun build(Path templates) {
        return CliRun.of("build", "--content", content.toString(), "--templates", templates.toString(),
                "--output", site().toString(), "--cache", TestSite.mathCache().toString());
    }

    private CliRun bundle(Path templates) {
        return CliRun.of("bundle", "--content", content.toString(), "--templates", templates.toString(),
                "--output", zip().toString(), "--cache", TestSite.mathCache().toString());
    }

    private Path templatesCopy() throws IOException {
        Path templates = dir.resolve("templates");
        TestSite.copyTree(TestSite.projectRoot().resolve("templates"), templates);
        return templates;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private void topic(String file, String frontMatter, String body) throws IOException {
        Files.writeString(content.resolve(file), "---\n" + frontMatter + "---\n" + body);
    }

    private static String fm(String slug, int order) {
        return "title: 题目" + order + "\nslug: " + slug + "\norder: " + order + "\ncategory: 基础\nsummary: 摘要\n";
    }

    /** Every regular file under {@code root} but {@code leave} (links not followed) with its bytes as ISO-8859-1 text. */
    private static Map<String, String> snapshot(Path root, Path... leave) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (Stream.of(leave).noneMatch(p::startsWith)) {
                    files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }
}
