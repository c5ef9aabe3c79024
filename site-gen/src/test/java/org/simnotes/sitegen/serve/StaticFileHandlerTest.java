package org.simnotes.sitegen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw HTTP requests, as an attacker would type them, never get a file from outside the site folder. */
class StaticFileHandlerTest {
    private static final String SECRET = "secret-outside-the-site";

    @TempDir
    Path dir;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><body><p>home</p></body></html>");
        Files.writeString(site.resolve("404.html"), "<!DOCTYPE html><html><body><p>not here</p></body></html>");
        Files.writeString(site.resolve("assets/site.css"), "p{}");
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", new StaticFileHandler(site));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Sends {@code target} as the request line's target, byte for byte, and returns status line and body. */
    private String get(String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.getAddress().getPort())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Test
    void pathsThatClimbOutOfTheSiteAreRefused() throws IOException {
        List<String> attacks = List.of(
                "/../secret.txt",
                "/assets/../../secret.txt",
                "/%2e%2e/secret.txt",
                "/%2E%2E%2Fsecret.txt",
                "/assets/..%2f..%2fsecret.txt",
                "/..%5csecret.txt",
                "/..\\secret.txt",
                "//" + dir.resolve("secret.txt"),
                "/%2F" + dir.resolve("secret.txt").toString().substring(1).replace("/", "%2F"),
                "http://127.0.0.1/../secret.txt",
                "/%00/../secret.txt",
                "/assets/%2e%2e/%2e%2e/secret.txt");
        for (String target : attacks) {
            String response = get(target);
            int status = status(response);
            assertTrue(status >= 400 && status < 500, target + " → " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains(SECRET), target + " must not reveal a file outside the site");
        }
    }

    @Test
    void filesInsideTheSiteAreServedAndMissesGetTheSitesNotFoundPage() throws IOException {
        String home = get("/");
        assertEquals(200, status(home));
        assertTrue(home.contains("<p>home</p>"));
        assertEquals(200, status(get("/assets/site.css")));
        assertEquals(200, status(get("/assets/../index.html")), "climbing that stays inside is fine");
        String miss = get("/a/b/c");
        assertEquals(404, status(miss));
        assertTrue(miss.contains("not here"));
    }
}
