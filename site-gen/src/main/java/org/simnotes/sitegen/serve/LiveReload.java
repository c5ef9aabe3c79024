package org.simnotes.sitegen.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reloads open pages after a rebuild: the dev server adds a small script to each page it serves,
 * which polls the site's version here and reloads the page when it moves. Polling, not a held-open
 * connection, because the server ends every exchange that outlasts its time limit.
 */
final class LiveReload implements HttpHandler {
    static final String PATH = "/__simnotes/";
    private static final byte[] SCRIPT = script();

    private final AtomicLong version = new AtomicLong();

    /** The site was rebuilt: open pages reload on their next poll. */
    void changed() {
        version.incrementAndGet();
    }

    /** The tag added to every page, carrying the version the page was served at. */
    String pageScript() {
        return "<script src=\"" + PATH + "reload.js\" data-version=\"" + version.get() + "\"></script>";
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals(PATH + "version")) {
                body = Long.toString(version.get()).getBytes(StandardCharsets.UTF_8);
                type = "text/plain; charset=utf-8";
            } else if (path.equals(PATH + "reload.js")) {
                body = SCRIPT;
                type = "text/javascript; charset=utf-8";
            } else {
                StaticFileHandler.send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            StaticFileHandler.send(ex, 200, type, body);
        }
    }

    private static byte[] script() {
        try (InputStream in = LiveReload.class.getResourceAsStream("reload.js")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
