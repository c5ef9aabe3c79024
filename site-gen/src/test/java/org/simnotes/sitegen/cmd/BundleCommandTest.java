package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.LinkCrawler;
import org.simnotes.sitegen.TestSite;

/** {@code bundle}: a course's site as one zip to unpack and read offline. */
public class BundleCommandTest {
    @TempDir
    Path dir;

    static CliRun bundle(Path content, Path zip) {
        return CliRun.of("bundle", "--content", content.toString(),
                "--templates", TestSite.projectRoot().resolve("templates").toString(),
                "--output", zip.toString(), "--cache", TestSite.mathCache().toString());
    }

    @Test
    void theZipHoldsOneFolderWithEveryPageAndAssetOfTheSite() throws IOException {
        Path zip = dir.resolve("simnotes-site.zip");
        CliRun run = bundle(TestSite.course(), zip);
        assertEquals(0, run.exitCode(), run.err());
        Matcher line = Pattern.compile("Bundled 9 pages, ([\\d.]+) KB, in \\d+\\.\\d\\d s, 0 warnings → .*simnotes-site\\.zip\\R")
                .matcher(run.out());
        assertTrue(line.matches(), run.out());
        assertEquals(Files.size(zip) / 1024.0, Double.parseDouble(line.group(1)), 0.05, "the size reported is the zip's");

        Set<String> inZip = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> inZip.add(e.getName()));
        }
        assertTrue(inZip.stream().allMatch(n -> n.startsWith("simnotes-site/")), inZip.toString());
        assertTrue(inZip.contains("simnotes-site/index.html"));

        Set<String> expected = new TreeSet<>();
        Path site = TestSite.site();
        try (Stream<Path> all = Files.walk(site)) {
            all.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !Set.of("404.html", "sitemap.xml", "robots.txt", "_headers", ".simnotes-site").contains(n))
                    .forEach(n -> expected.add("simnotes-site/" + n));
        }
        assertEquals(expected, inZip, "the same pages and assets as the built site, without the host's files and its marker");
        assertTrue(inZip.stream().noneMatch(n -> n.endsWith(".map")), "no source maps");

        Path unpacked = unzip(zip, dir.resolve("unpacked"));
        assertEquals(List.of(), LinkCrawler.check(unpacked.resolve("simnotes-site"), "/").broken());
        try (Stream<Path> all = Files.walk(unpacked)) {
            for (Path f : all.filter(p -> p.toString().matches(".*\\.(js|css)$")).toList()) {
                assertFalse(Files.readString(f).contains("sourceMappingURL"), f + " points at no source map");
            }
        }
    }

    @Test
    void twoBundlesOfTheSameInputAreByteIdenticalWithSortedEntriesAndOneFixedTime() throws IOException {
        Path a = dir.resolve("a/simnotes-site.zip");
        Path b = dir.resolve("b/simnotes-site.zip");
        assertEquals(0, bundle(TestSite.course(), a).exitCode());
        assertEquals(0, bundle(TestSite.course(), b).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        try (ZipFile z = new ZipFile(a.toFile())) {
            List<String> names = z.stream().map(ZipEntry::getName).toList();
            assertEquals(names.stream().sorted().toList(), names, "entries are sorted");
            assertEquals(1, z.stream().map(ZipEntry::getTime).distinct().count(), "every entry has the same time");
        }
    }

    @Test
    void aFailedBundleLeavesThePreviousZipAsItWas() throws IOException {
        Path content = dir.resolve("content");
        TestSite.copyTree(TestSite.course(), content);
        Path zip = dir.resolve("out/simnotes-site.zip");
        assertEquals(0, bundle(content, zip).exitCode());
        byte[] before = Files.readAllBytes(zip);

        Files.writeString(content.resolve("05-pooling.md"), "## no front matter\n");
        CliRun run = bundle(content, zip);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("05-pooling.md:1: missing front matter"), run.err());
        assertTrue(run.err().contains("simnotes-site.zip was left as it was"), run.err());
        assertArrayEquals(before, Files.readAllBytes(zip));
        try (Stream<Path> files = Files.list(zip.getParent())) {
            assertEquals(List.of(zip), files.toList(), "no half-written file left beside it");
        }
    }

    @Test
    void onlyTheKatexFontsTheFormulasCanUseAreShipped() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yml"), "title: 测试\ncategories:\n  - 基础\n");
        String fm = "---\ntitle: 题\nslug: a\norder: 1\ncategory: 基础\nsummary: 摘要\n---\n";
        Files.writeString(content.resolve("01-a.md"), fm + "## 小节\n\n$x^2$\n");
        Set<String> plain = fonts(content, dir.resolve("plain.zip"));
        Files.writeString(content.resolve("01-a.md"), fm + "## 小节\n\n$x^2 + \\mathfrak{g} + \\mathtt{t}$\n");
        Set<String> fancy = fonts(content, dir.resolve("fancy.zip"));

        assertTrue(plain.contains("KaTeX_Main-Regular.woff2") && plain.contains("KaTeX_Math-Italic.woff2"), plain.toString());
        assertFalse(plain.stream().anyMatch(f -> f.startsWith("KaTeX_Fraktur") || f.startsWith("KaTeX_Typewriter")), plain.toString());
        assertTrue(fancy.contains("KaTeX_Fraktur-Regular.woff2") && fancy.contains("KaTeX_Typewriter-Regular.woff2"), fancy.toString());
    }

    private static Set<String> fonts(Path content, Path zip) throws IOException {
        CliRun run = bundle(content, zip);
        assertEquals(0, run.exitCode(), run.err());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".woff2"))
                    .map(n -> n.substring(n.lastIndexOf('/') + 1)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Bundles the fixture course and unpacks it into {@code dir}; returns the unpacked top folder. */
    public static Path unpackedBundle(Path dir) throws IOException {
        Path zip = dir.resolve("simnotes-site.zip");
        CliRun run = bundle(TestSite.course(), zip);
        assertEquals(0, run.exitCode(), run.err());
        return unzip(zip, dir.resolve("unpacked")).resolve("simnotes-site");
    }

    /** Unpacks {@code zip} into {@code to} as a reader's unzip tool would. */
    static Path unzip(Path zip, Path to) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>(z.stream().toList());
            for (ZipEntry e : entries) {
                Path target = to.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(to), e.getName() + " stays inside the folder");
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, z.getInputStream(e).readAllBytes());
                }
            }
        }
        return to;
    }
}
