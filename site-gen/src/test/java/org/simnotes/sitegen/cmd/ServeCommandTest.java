package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simnotes.sitegen.TestSite;
import org.simnotes.sitegen.serve.DevServer;

/** {@code serve} as an author runs it: options checked, and it keeps rebuilding whatever a change breaks. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void theServerListensOnlyOnTheLoopbackAddressUnlessToldOtherwise() {
        CliRun run = CliRun.of("serve", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("(?s).*--bind=ADDRESS\\s+Address to listen on \\(default: 127\\.0\\.0\\.1\\).*"), run.out());
    }

    private Path content(String text) throws IOException {
        Path c = Files.createDirectories(dir.resolve("content"));
        writeSite(c, text);
        return c;
    }

    private static void writeSite(Path content, String text) throws IOException {
        Files.writeString(content.resolve("site.yml"), "title: 测试站点\nlanguage: zh-CN\ncategories:\n  - 基础\n");
        writeTopic(content, "## 小节\n\n" + text + "\n");
    }

    private static void writeTopic(Path content, String body) throws IOException {
        Files.writeString(content.resolve("01-a.md"),
                "---\ntitle: 题目\nslug: a\norder: 1\ncategory: 基础\nsummary: 摘要\n---\n" + body + "\n## 面试回答\n> 答\n");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private List<String> args(String... more) {
        List<String> args = new ArrayList<>(List.of("--content", dir.resolve("content").toString(),
                "--templates", TestSite.projectRoot().resolve("templates").toString(),
                "--output", dir.resolve("site").toString(),
                "--cache", TestSite.mathCache().toString()));
        args.addAll(List.of(more));
        return args;
    }

    private CliRun serve(String... options) {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(args(options));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void aClientThatStallsMidRequestDelaysNoOtherAndIsCutOff() throws Exception {
        content("正文");
        try (ServeRun serve = ServeRun.start(args().toArray(String[]::new));
             Socket stalled = new Socket("127.0.0.1", serve.port())) {
            stalled.setSoTimeout((int) DevServer.EXCHANGE_LIMIT.toMillis() * 2);
            stalled.getOutputStream().write(("GET /a.html HTTP/1.1\r\nHost: 127.0.0.1:" + serve.port() + "\r\nX-Wait: ")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                assertTrue(serve.get("/a.html").contains("正文"));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 1000, "answered in " + millis + " ms while a request stays half sent");
            }
            try {
                assertEquals(-1, stalled.getInputStream().read(), "the half-sent request is cut off, not answered");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the half-sent request was still open after twice the limit", e);
            } catch (IOException e) {
                // reset by the server: cut off as well
            }
        }
    }

    /** One line on stderr naming {@code option}, nothing on stdout, and nothing written. */
    private void assertRefusedInOneLine(CliRun run, String option) {
        assertTrue(run.exitCode() != 0, run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(option + " ") || run.err().contains(" " + option + " "), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(dir.resolve("site")), "nothing written");
    }

    @Test
    void aPortOutOfRangeIsNamed() throws IOException {
        content("第一版");
        for (String port : List.of("99999", "65536", "-1")) {
            CliRun run = serve("--port", port);
            assertRefusedInOneLine(run, "--port");
            assertEquals(2, run.exitCode());
            assertTrue(run.err().contains(port), run.err());
        }
    }

    @Test
    void aPortInUseIsNamed() throws IOException {
        content("第一版");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());
            CliRun run = serve("--port", port);
            assertRefusedInOneLine(run, "--port");
            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("--port " + port + ": cannot listen there: "), run.err());
        }
    }

    @Test
    void anAddressThatNamesNoHostIsNamed() throws IOException {
        content("第一版");
        CliRun run = serve("--port", "0", "--bind", "no-such-host.invalid");
        assertRefusedInOneLine(run, "--bind");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--bind no-such-host.invalid: no such host"), run.err());
    }

    @Test
    void aRebuildThatOverflowsTheStackIsReportedAndTheNextChangeRebuilds() throws Exception {
        Path c = content("第一版");
        try (ServeRun serve = ServeRun.start(args().toArray(String[]::new))) {
            assertTrue(serve.get("/a.html").contains("第一版"));
            writeTopic(c, "## 小节\n\n" + ">".repeat(600) + " x\n");
            serve.await(r -> r.err().contains("failed"), "the failed rebuild reported");
            assertTrue(serve.get("/a.html").contains("第一版"), "the last good page is still served");
            writeTopic(c, "## 小节\n\n第二版\n");
            serve.awaitPage("/a.html", "第二版");
            assertFalse(serve.err().contains("\tat "), serve.err());
        }
    }

    @Test
    void aContentFolderDeletedAndMadeAgainIsWatchedAgain() throws Exception {
        Path c = content("第一版");
        try (ServeRun serve = ServeRun.start(args().toArray(String[]::new))) {
            deleteTree(c);
            serve.await(r -> r.err().contains("failed"), "the failed rebuild reported");
            Files.createDirectories(c);
            writeSite(c, "第二版");
            serve.awaitPage("/a.html", "第二版");
            writeTopic(c, "## 小节\n\n第三版\n");
            serve.awaitPage("/a.html", "第三版");
            assertFalse(serve.err().contains("\tat "), serve.err());
        }
    }

    @Test
    void aContentFolderReplacedByAnotherIsWatchedInstead() throws Exception {
        Path c = content("第一版");
        try (ServeRun serve = ServeRun.start(args().toArray(String[]::new))) {
            Path fresh = Files.createDirectories(dir.resolve("fresh"));
            writeSite(fresh, "第二版");
            Files.move(c, dir.resolve("old"));
            Files.move(fresh, c);
            serve.awaitPage("/a.html", "第二版");
            writeTopic(c, "## 小节\n\n第三版\n");
            serve.awaitPage("/a.html", "第三版");
            assertFalse(serve.err().contains("\tat "), serve.err());
        }
    }
}
