package org.simnotes.sitegen.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.cmd.SimNotesCommand;

/**
 * {@code simnotes build} through the build daemon, as an author meets it: real client and daemon
 * processes, the author's relative paths, faults and exit codes relayed, the same site as a build in
 * one process, and a daemon that leaves when idle.
 */
@DisabledOnOs(OS.WINDOWS)
class BuildDaemonTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    @AfterEach
    void stopDaemons() throws IOException {
        for (long pid : daemons()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    private Path daemonFolder() {
        return dir.resolve("d");
    }

    /** The process ids of the daemons started, from their lock files. */
    private List<Long> daemons() throws IOException {
        List<Long> pids = new ArrayList<>();
        if (Files.isDirectory(daemonFolder())) {
            try (Stream<Path> files = Files.list(daemonFolder())) {
                for (Path lock : files.filter(p -> p.toString().endsWith(".lock")).toList()) {
                    String pid = Files.readString(lock).strip();
                    if (!pid.isEmpty()) {
                        pids.add(Long.parseLong(pid));
                    }
                }
            }
        }
        return pids;
    }

    private Path course(String name) throws IOException {
        Path content = dir.resolve(name).resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yml"), "title: 测试站点\nlanguage: zh-CN\nbase_url: https://example.org/\ncategories:\n  - 基础\n");
        topic(content, "01-a.md", 1, "## 小节\n\n梯度消失的正文。\n");
        topic(content, "02-b.md", 2, "## 小节\n\n残差连接的正文，见 [上一篇](01-a.md)。\n");
        return content.getParent();
    }

    private static void topic(Path content, String file, int order, String body) throws IOException {
        Files.writeString(content.resolve(file), "---\ntitle: 题目" + order + "\nslug: t" + order + "\norder: " + order
                + "\ncategory: 基础\nsummary: 摘要\n---\n" + body);
    }

    /** {@code simnotes build} in {@code folder}, with the paths relative to it as an author types them. */
    private Run build(Path folder, long idleSeconds) throws IOException, InterruptedException {
        return finish(start(folder, idleSeconds, "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
    }

    private record Started(Process client, Path out, Path err) {
    }

    private Started start(Path folder, long idleSeconds, String daemonOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsimnotes.daemon.dir=" + daemonFolder(), "-Dsimnotes.daemon.idle=" + idleSeconds,
                "-Dsimnotes.daemon.options=" + daemonOptions,
                "-cp", System.getProperty("java.class.path"), BuildClient.class.getName(),
                "build", "--content", "content", "--templates", TestSite.projectRoot().resolve("templates").toString(),
                "--output", "site", "--cache", "cache"));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process client = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Started(client, out, err);
    }

    private static Run finish(Started started) throws IOException, InterruptedException {
        assertTrue(started.client().waitFor(3, TimeUnit.MINUTES), "the build ended");
        return new Run(started.client().exitValue(), Files.readString(started.out()), Files.readString(started.err()));
    }


    @Test
    void theDaemonBuildsWhatOneProcessWouldAndStaysWarmForTheNextBuild() throws Exception {
        Path course = course("course");
        Run first = build(course, 600);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("Built 5 pages"), first.out());
        assertTrue(Files.isRegularFile(course.resolve("site/t2.html")), "the relative output folder is the author's");
        assertEquals(1, daemons().size());
        long pid = daemons().get(0);

        Path direct = dir.resolve("direct");
        int code = SimNotesCommand.commandLine(false, null).execute("build", "--content", course.resolve("content").toString(),
                "--templates", TestSite.projectRoot().resolve("templates").toString(), "--output", direct.toString(),
                "--cache", dir.resolve("direct-cache").toString());
        assertEquals(0, code);
        assertEquals(TestSite.snapshot(direct), TestSite.snapshot(course.resolve("site")));

        Run again = build(course, 600);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("0 bodies rendered, 0 pages laid out, 0 files written"), again.out());
        assertEquals(List.of(pid), daemons(), "the same daemon answered");
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aFaultIsReportedWithItsFileAndLineAndExitCodeAndTheLastSiteIsKept() throws Exception {
        Path course = course("course");
        assertEquals(0, build(course, 600).exitCode());
        Map<String, String> good = TestSite.snapshot(course.resolve("site"));

        Files.writeString(course.resolve("content/02-b.md"), "---\ntitle: [未闭合\n---\n正文\n");
        Run broken = build(course, 600);
        assertEquals(1, broken.exitCode(), broken.out() + broken.err());
        assertTrue(broken.err().contains("02-b.md:2"), broken.err());
        assertEquals(good, TestSite.snapshot(course.resolve("site")));
    }

    @Test
    void eachFolderHasItsOwnDaemonAndEachLeavesWhenIdle() throws Exception {
        assertEquals(0, build(course("one"), 2).exitCode());
        assertEquals(0, build(course("two"), 2).exitCode());
        List<Long> pids = daemons();
        assertEquals(2, pids.size());
        assertNotEquals(pids.get(0), pids.get(1));
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        }
        try (Stream<Path> left = Files.list(daemonFolder())) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(".sock")), "the sockets are removed");
        }
    }

    @Test
    void aClientStoppedMidBuildStopsOnlyItselfAndTheDaemonFinishesTheBuild() throws Exception {
        Path course = course("course");
        for (int i = 3; i <= 40; i++) {
            // Formulas of their own, so the build starts KaTeX and takes a few seconds.
            topic(course.resolve("content"), String.format("%02d-t.md", i), i, "## 小节\n\n公式 $x_{" + i + "}^{" + (i * 7) + "}$。\n");
        }
        Started first = start(course, 600, "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Path cache = course.resolve("cache");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.isDirectory(cache) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.isDirectory(cache), "the daemon began the build");
        first.client().destroy();
        assertTrue(first.client().waitFor(10, TimeUnit.SECONDS));
        assertNotEquals(0, first.client().exitValue(), "the client was stopped before the build ended");

        Run next = build(course, 600);
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.out().contains("Built 43 pages") && next.out().contains("0 bodies rendered"), next.out());
        Path direct = dir.resolve("direct");
        assertEquals(0, SimNotesCommand.commandLine(false, null).execute("build", "--content", course.resolve("content").toString(),
                "--templates", TestSite.projectRoot().resolve("templates").toString(), "--output", direct.toString(),
                "--cache", dir.resolve("direct-cache").toString()));
        assertEquals(TestSite.snapshot(direct), TestSite.snapshot(course.resolve("site")));
    }

    @Test
    void aDaemonThatDoesNotStartLeavesTheBuildToTheLauncherAndSaysWhy() throws Exception {
        Path course = course("course");
        Run run = finish(start(course, 600, "-XX:+NoSuchOptionAnywhere"));
        assertEquals(BuildClient.NO_DAEMON, run.exitCode(), run.err());
        assertTrue(run.err().contains("the build daemon did not answer") && run.err().contains("building in a process of its own"), run.err());
        assertFalse(Files.exists(course.resolve("site")));
        try (Stream<Path> logs = Files.list(daemonFolder())) {
            Path log = logs.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
            assertTrue(Files.readString(log).contains("NoSuchOptionAnywhere"), "the log says why");
        }
    }

    @Test
    void aDaemonFolderOthersMayOpenIsNotUsed() throws Exception {
        Files.createDirectory(daemonFolder(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(daemonFolder(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path course = course("course");
        Run run = build(course, 600);
        assertEquals(BuildClient.NO_DAEMON, run.exitCode(), run.err());
        assertTrue(run.err().contains("open to other users; building in a process of its own"), run.err());
        try (Stream<Path> files = Files.list(daemonFolder())) {
            assertEquals(0, files.count(), "no socket, lock or log");
        }
    }
}
