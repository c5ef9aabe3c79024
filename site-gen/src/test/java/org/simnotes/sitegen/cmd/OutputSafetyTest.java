package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;

/**
 * What {@code build}, {@code bundle} and {@code serve} may write over, tried as a careless user would:
 * a refused output leaves every file as it was (the content, a sibling, the previous site) and says why
 * on one line; an I/O fault names its path, never with a stack trace.
 */
class OutputSafetyTest {
    private static final String TEMPLATES = TestSite.projectRoot().resolve("templates").toString();
    private static final String CACHE = TestSite.mathCache().toString();
    /** The file that marks a folder as a site SimNotes wrote. */
    private static final String MARKER = ".simnotes-site";

    @TempDir
    Path dir;

    private static Path content(Path c) throws IOException {
        Files.createDirectories(c);
        Files.writeString(c.resolve("site.yml"), "title: 测试站点\nlanguage: zh-CN\ncategories:\n  - 基础\n");
        topic(c, "第一版");
        return c;
    }

    private static void topic(Path c, String text) throws IOException {
        Files.writeString(c.resolve("01-a.md"), "---\ntitle: 题目\nslug: a\norder: 1\ncategory: 基础\nsummary: 摘要\n---\n"
                + "## 小节\n\n" + text + " $x^2$\n\n## 面试回答\n> 答\n");
    }

    private static CliRun build(Path content, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(), "--templates", TEMPLATES,
                "--output", output.toString(), "--cache", CACHE));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun bundle(Path content, Path zip, String... more) {
        List<String> args = new ArrayList<>(List.of("bundle", "--content", content.toString(), "--templates", TEMPLATES,
                "--output", zip.toString(), "--cache", CACHE));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Every file, folder and link under {@code root}, with its bytes or target; links are not followed. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String name = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    all.put(name, "link to " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    all.put(name, "folder");
                } else {
                    all.put(name, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return all;
    }

    /** One line on standard error, exit 1, no stack trace. */
    private static void assertRefused(CliRun run, String line) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(line, run.err().strip(), "the one line");
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    }

    @Test
    void anOutputHoldingTheContentIsRefusedAndNothingIsDeleted() throws IOException {
        Path notes = dir.resolve("notes");
        Path c = content(notes.resolve("content"));
        Files.writeString(notes.resolve("todo.txt"), "my own notes");
        Files.writeString(dir.resolve("sibling.txt"), "beside");
        Map<String, String> before = snapshot(dir);

        CliRun run = build(c, notes);
        assertRefused(run, "build: " + notes + ": the output folder holds the content folder (" + c + "); choose another path");
        assertEquals(before, snapshot(dir), "the content, the sibling files and the folder are as they were");
    }

    @Test
    void anOutputThatIsOrIsInsideASourceIsRefusedHoweverItIsSpelled() throws IOException {
        Path c = content(dir.resolve("content"));
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        Files.createSymbolicLink(dir.resolve("link"), c);
        Map<String, String> before = snapshot(dir);

        assertRefused(build(c, c.resolve("site")), "build: " + c.resolve("site")
                + ": the output folder is inside the content folder (" + c + "); choose another path");
        Path dotted = dir.resolve("other/../content");
        assertRefused(build(c, dotted), "build: " + dotted + ": the output folder is the content folder (" + c + "); choose another path");
        Path linked = dir.resolve("link/site");
        assertRefused(build(c, linked), "build: " + linked + ": the output folder is inside the content folder (" + c + "); choose another path");
        Path templates = Path.of(TEMPLATES);
        assertRefused(build(c, templates.resolve("assets")), "build: " + templates.resolve("assets")
                + ": the output folder is inside the templates folder (" + templates + "); choose another path");
        CliRun intoCache = CliRun.of("build", "--content", c.toString(), "--templates", TEMPLATES,
                "--output", dir.toString(), "--cache", cache.toString());
        assertRefused(intoCache, "build: " + dir + ": the output folder holds the content folder (" + c + "); choose another path");
        assertRefused(bundle(c, c.resolve("site.zip")), "bundle: " + c.resolve("site.zip")
                + ": the zip is inside the content folder (" + c + "); choose another path");
        assertEquals(before, snapshot(dir));
    }

    @Test
    void theCurrentFolderIsRefusedAsInAClone() throws IOException, InterruptedException {
        Path clone = dir.resolve("clone");
        content(clone.resolve("content"));
        TestSite.copyTree(Path.of(TEMPLATES), clone.resolve("templates"));
        Files.createDirectories(clone.resolve(".git"));
        Files.writeString(clone.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Map<String, String> before = snapshot(dir);

        CliRun run = runIn(clone, List.of(), "build", "--output", ".");
        assertRefused(run, "build: .: the output folder is the current folder; choose another path");
        CliRun parent = runIn(clone, List.of(), "build", "--output", "..");
        assertRefused(parent, "build: ..: the output folder holds the current folder; choose another path");
        assertEquals(before, snapshot(dir), ".git, content/ and templates/ are intact");
    }

    @Test
    void theHomeFolderIsRefused() throws IOException, InterruptedException {
        Path c = content(dir.resolve("content"));
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("work"));
        Files.writeString(home.resolve(".profile"), "# mine\n");
        Map<String, String> before = snapshot(dir);

        CliRun run = runIn(home.resolve("work"), List.of("-Duser.home=" + home), "build", "--content", c.toString(),
                "--templates", TEMPLATES, "--cache", CACHE, "--output", home.toString());
        // The current folder is inside the home folder, and is found first.
        assertRefused(run, "build: " + home + ": the output folder holds the current folder; choose another path");
        CliRun fromElsewhere = runIn(dir, List.of("-Duser.home=" + home), "build", "--content", c.toString(),
                "--templates", TEMPLATES, "--cache", CACHE, "--output", home.toString());
        assertRefused(fromElsewhere, "build: " + home + ": the output folder is your home folder; choose another path");
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aFilesystemRootIsRefusedWithoutACrash() throws IOException {
        Path c = content(dir.resolve("content"));
        assertRefused(build(c, Path.of("/")), "build: /: the output folder is a filesystem root");
        assertRefused(bundle(c, Path.of("/")), "bundle: /: the zip path is a folder; name the zip file, such as /simnotes-site.zip");
    }

    @Test
    void aRegularFileAtTheOutputPathOrAboveItIsRefused() throws IOException {
        Path c = content(dir.resolve("content"));
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "not a site");
        Map<String, String> before = snapshot(dir);

        assertRefused(build(c, file), "build: " + file + ": the output path is a file, not a folder");
        assertRefused(build(c, file.resolve("site")), "build: " + file.resolve("site") + ": " + file + " is a file, not a folder");
        assertRefused(bundle(c, file), "bundle: " + file + ": the file is not a zip; choose another name, or pass --force to replace it");
        assertEquals(before, snapshot(dir));
    }

    @Test
    void aFolderSimNotesDidNotWriteIsReplacedOnlyWhenForced() throws IOException {
        Path c = content(dir.resolve("content"));
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.tex"), "years of work");
        Map<String, String> before = snapshot(dir);

        CliRun run = build(c, mine);
        assertRefused(run, "build: " + mine + ": the output folder holds files SimNotes did not write (it has no "
                + MARKER + " file); empty it, choose another folder, or pass --force to replace it");
        assertEquals(before, snapshot(dir));
        CliRun serve = CliRun.of("serve", "--content", c.toString(), "--templates", TEMPLATES, "--cache", CACHE,
                "--output", mine.toString(), "--port", "0");
        assertEquals(1, serve.exitCode(), serve.err());
        assertTrue(serve.err().contains(mine + ": the output folder holds files SimNotes did not write"), serve.err());
        assertEquals(before, snapshot(dir), "serve writes nothing there either");

        assertEquals(0, build(c, mine, "--force").exitCode());
        assertFalse(Files.exists(mine.resolve("thesis.tex")));
        assertTrue(Files.isRegularFile(mine.resolve(MARKER)), "the site is marked as SimNotes's");
        topic(c, "第二版");
        CliRun again = build(c, mine);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.readString(mine.resolve("a.html")).contains("第二版"));
    }

    @Test
    void anEmptyFolderIsUsedAsTheOutput() throws IOException {
        Path c = content(dir.resolve("content"));
        Files.createDirectories(dir.resolve("site"));
        CliRun run = build(c, dir.resolve("site"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(dir.resolve("site/a.html")));
    }

    @Test
    void aSymlinkedOutputUpdatesItsTargetAndStaysALink() throws IOException {
        Path c = content(dir.resolve("content"));
        Path target = dir.resolve("www/site");
        assertEquals(0, build(c, target).exitCode());
        Path link = dir.resolve("site");
        Files.createSymbolicLink(link, Path.of("www/site"));
        topic(c, "第二版");

        CliRun run = build(c, link);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(Path.of("www/site"), Files.readSymbolicLink(link));
        assertTrue(Files.readString(target.resolve("a.html")).contains("第二版"), "its target has the new site");
        try (Stream<Path> beside = Files.list(dir)) {
            assertEquals(List.of("content", "site", "www"), beside.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> beside = Files.list(dir.resolve("www"))) {
            assertEquals(List.of(target), beside.toList(), "nothing left beside the target");
        }
    }

    @Test
    void aCachePathThatIsAFileIsRefusedAndThePreviousSiteStays() throws IOException {
        Path c = content(dir.resolve("content"));
        Path site = dir.resolve("site");
        assertEquals(0, build(c, site).exitCode());
        Path cacheFile = dir.resolve("cache.txt");
        Files.writeString(cacheFile, "a file");
        topic(c, "第二版 $y^3$");
        Map<String, String> before = snapshot(dir);

        CliRun run = CliRun.of("build", "--content", c.toString(), "--templates", TEMPLATES, "--output", site.toString(),
                "--cache", cacheFile.toString());
        assertRefused(run, "build: " + cacheFile + ": the math cache is a file; it must be a folder");
        CliRun bundled = CliRun.of("bundle", "--content", c.toString(), "--templates", TEMPLATES,
                "--output", dir.resolve("site.zip").toString(), "--cache", cacheFile.toString());
        assertRefused(bundled, "bundle: " + cacheFile + ": the math cache is a file; it must be a folder");
        assertEquals(before, snapshot(dir), "the previous site, the cache file and the content are as they were");
    }

    @Test
    void aBundleOntoAFolderIsRefusedAndThePreviousZipStays() throws IOException {
        Path c = content(dir.resolve("content"));
        Path full = dir.resolve("downloads");
        Files.createDirectories(full);
        Files.writeString(full.resolve("keep.pdf"), "mine");
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Path zip = dir.resolve("simnotes-site.zip");
        assertEquals(0, bundle(c, zip).exitCode());
        Map<String, String> before = snapshot(dir);

        assertRefused(bundle(c, full), "bundle: " + full + ": the zip path is a folder; name the zip file, such as "
                + full.resolve("simnotes-site.zip"));
        assertRefused(bundle(c, empty), "bundle: " + empty + ": the zip path is a folder; name the zip file, such as "
                + empty.resolve("simnotes-site.zip"));
        assertEquals(before, snapshot(dir), "the folders and the previous zip are as they were");
    }

    @Test
    void leftoversOfAKilledBuildAreRemovedByTheNextOne() throws IOException {
        Path c = content(dir.resolve("content"));
        for (String left : List.of(".site.new-123", ".site.old-456", ".simnotes-site.zip.new-789")) {
            Files.createDirectories(dir.resolve(left).resolve("assets"));
            Files.writeString(dir.resolve(left).resolve("assets/x.css"), "half");
        }
        Files.writeString(dir.resolve(".simnotes-site.zip.4242.new"), "half a zip of an earlier version");
        Files.writeString(dir.resolve(".site.newest"), "not ours");
        Files.writeString(dir.resolve(".other.new-1"), "not ours");

        assertEquals(0, build(c, dir.resolve("site")).exitCode());
        assertEquals(0, bundle(c, dir.resolve("simnotes-site.zip")).exitCode());
        try (Stream<Path> beside = Files.list(dir)) {
            assertEquals(List.of(".other.new-1", ".site.newest", "content", "simnotes-site.zip", "site"),
                    beside.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theSiteAndTheZipHaveTheUmasksPermissionsOrThePreviousOutputs() throws IOException {
        Path c = content(dir.resolve("content"));
        // What the umask gives any new folder and file here.
        String folderMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("ref"))));
        String fileMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createFile(dir.resolve("ref.txt"))));
        assumeTrue(folderMode.endsWith("r-x"), "a umask that lets others read, such as 022: " + folderMode);

        Path site = dir.resolve("site");
        Path zip = dir.resolve("simnotes-site.zip");
        assertEquals(0, build(c, site).exitCode());
        assertEquals(0, bundle(c, zip).exitCode());
        assertEquals(folderMode, PosixFilePermissions.toString(Files.getPosixFilePermissions(site)));
        assertEquals(fileMode, PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));

        Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-r-----"));
        topic(c, "第二版");
        assertEquals(0, build(c, site).exitCode());
        assertEquals(0, bundle(c, zip).exitCode());
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(site)), "the previous site's");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)), "the previous zip's");
    }

    /** A full disk and a read-only one, as small file systems mounted for the test (when it may mount). */
    @Test
    void aFullOrReadOnlyDiskEndsInOneLineAndThePreviousSiteStays() throws IOException, InterruptedException {
        Path c = content(dir.resolve("content"));
        Path disk = dir.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()) == 0, "mounting is allowed");
        try {
            Path site = disk.resolve("site");
            CliRun full = build(c, site);
            assertEquals(1, full.exitCode());
            assertTrue(full.err().matches("build: " + disk + "/\\.site\\.new-\\d+/\\S+: No space left on device\\R"), full.err());
            try (Stream<Path> left = Files.list(disk)) {
                assertEquals(List.of(), left.toList(), "the partial site was removed");
            }

            assertEquals(0, run("mount", "-o", "remount,size=16m", disk.toString()));
            assertEquals(0, build(c, site).exitCode());
            Map<String, String> before = snapshot(disk);
            assertEquals(0, run("mount", "-o", "remount,ro", disk.toString()));
            topic(c, "第二版");
            CliRun readOnly = build(c, site);
            assertEquals(1, readOnly.exitCode());
            // Written whole (a staging folder) or, as here, in place (each changed file beside its place first).
            assertTrue(readOnly.err().matches("build: " + disk + "/(\\.site\\.new-\\d+|site/\\S+\\.tmp): Read-only file system\\R"),
                    readOnly.err());
            assertEquals(before, snapshot(disk), "the previous site is as it was");
        } finally {
            run("umount", disk.toString());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** Runs the command line in a new JVM whose current folder is {@code cwd}, as a user at a shell would. */
    private CliRun runIn(Path cwd, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(SimNotesCommand.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the command ends");
        CliRun run = new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
