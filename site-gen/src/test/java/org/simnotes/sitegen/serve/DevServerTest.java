package org.simnotes.sitegen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev server as a hostile or careless client meets it, over raw sockets. */
class DevServerTest {
    private static final String SECRET = "secret-outside-the-site";

    @TempDir
    Path dir;
    private Path site;
    private DevServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        site = dir.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><body><p>home</p></body></html>");
        Files.writeString(site.resolve("404.html"), "<!DOCTYPE html><html><body><p>not here</p></body></html>");
        Path outside = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(outside.resolve("passwd"), SECRET);
        Path sources = Files.createDirectories(dir.resolve("content"));
        server = new DevServer(site, "127.0.0.1", 0, List.of(sources), (changes, pagesWritten) -> { });
        port = server.address().getPort();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends {@code request} byte for byte and returns the whole response. */
    private String send(String request) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String get(String target, String host) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private String get(String target) throws IOException {
        return get(target, "127.0.0.1:" + port);
    }

    private static int status(String response) {
        return response.length() < 12 ? -1 : Integer.parseInt(response.substring(9, 12));
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    /** Waits for the server to close the connection, reading (and dropping) anything it sends first. */
    private static void awaitClosed(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // the answer to what was sent whole, if any
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a stalled connection open", e);
        } catch (IOException e) {
            // reset by the server: closed as well
        }
    }

    @Test
    void clientsThatStallMidRequestDelayNoOneAndAreCutOff() throws IOException {
        // A third client connects and sends nothing: the JDK's server holds no thread for it.
        try (Socket halfHeaders = connect(); Socket shortBody = connect(); Socket silent = connect()) {
            halfHeaders.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Wait: ")
                    .getBytes(StandardCharsets.ISO_8859_1));
            shortBody.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 100\r\n\r\nten bytes.")
                    .getBytes(StandardCharsets.ISO_8859_1));
            long held = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                String home = get(i % 2 == 0 ? "/" : "/__simnotes/version");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, status(home), home);
                assertTrue(millis < 1000, "answered in " + millis + " ms while three clients stall");
            }
            long limit = DevServer.EXCHANGE_LIMIT.toMillis();
            awaitClosed(halfHeaders);
            awaitClosed(shortBody);
            long closed = (System.nanoTime() - held) / 1_000_000;
            assertTrue(closed > limit - 1000 && closed < limit + 3000,
                    "stalled clients cut off after " + closed + " ms, the limit being " + limit + " ms");
        }
        assertEquals(200, status(get("/")), "the server still answers");
    }

    @Test
    void oversizedHeadersAreRefusedAndDelayNoOne() throws IOException {
        String huge = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + ("X-Pad: " + "a".repeat(1000) + "\r\n").repeat(600) + "\r\n";
        String response;
        try (Socket s = connect()) {
            try {
                s.getOutputStream().write(huge.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // closed while still sending: refused
            }
            response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            response = "";
        }
        assertFalse(response.contains("<p>home</p>"), "600 KB of headers are not read whole and answered");
        assertEquals(200, status(get("/")));
    }

    @Test
    void linksPlacedInTheSiteFolderServeNothingFromOutsideIt() throws IOException {
        Files.createSymbolicLink(site.resolve("etclink"), dir.resolve("etc"));
        Files.createSymbolicLink(site.resolve("passwd.html"), dir.resolve("etc/passwd"));
        Files.createSymbolicLink(site.resolve("home.html"), site.resolve("index.html"));
        Map<String, String> before = snapshot(dir.resolve("etc"));
        for (String target : List.of("/etclink/passwd", "/passwd.html", "/etclink/", "/etclink")) {
            String response = get(target);
            assertEquals(404, status(response), target);
            assertFalse(response.contains(SECRET), target + " must not reveal a file outside the site");
            assertTrue(response.contains("not here"), target + " gets the site's 404 page");
        }
        assertTrue(get("/home.html").contains("<p>home</p>"), "a link that stays inside the site is served");
        assertEquals(before, snapshot(dir.resolve("etc")));
    }

    @Test
    void onlyGetAndHeadAreAnsweredOnEveryPath() throws IOException {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            for (String path : List.of("/", "/index.html", "/missing", "/__simnotes/version", "/__simnotes/reload.js", "/__simnotes/x")) {
                String response = send(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                assertEquals(405, status(response), method + " " + path + " → " + response);
                assertTrue(response.contains("Allow: GET, HEAD"), response);
            }
        }
        assertEquals(200, status(get("/__simnotes/version")));
        for (String path : List.of("/index.html", "/__simnotes/version")) {
            String head = send("HEAD " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n");
            assertEquals(200, status(head), head);
            assertTrue(head.endsWith("\r\n\r\n"), "no body: " + head);
        }
    }

    @Test
    void onlyRequestsNamingThisServerAreAnswered() throws IOException {
        for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1", "127.0.0.1:" + (port == 1 ? 2 : port - 1),
                "localhost.evil.example:" + port, "")) {
            for (String path : List.of("/", "/__simnotes/version")) {
                String response = get(path, host);
                assertEquals(421, status(response), "Host: " + host + " → " + response);
                assertFalse(response.contains("<p>home</p>"));
            }
        }
        String noHost = send("GET / HTTP/1.0\r\n\r\n");
        assertEquals(421, status(noHost), noHost);
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port)) {
            String response = get("/", host);
            assertEquals(200, status(response), "Host: " + host + " → " + response);
            assertTrue(response.contains("<p>home</p>"));
        }
    }
}
