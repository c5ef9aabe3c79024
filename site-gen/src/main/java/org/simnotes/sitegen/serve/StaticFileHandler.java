package org.simnotes.sitegen.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.simnotes.sitegen.host.HostHeaders;

/**
 * Serves the built site folder and nothing outside it: decoded paths checked to stay inside the root,
 * only regular files whose real path is inside the root's (no link leads out), folders answered by
 * their index.html, misses by the site's 404 page. Responses carry the headers the site's
 * {@code _headers} file asks a host for, so pages run under their published security policy. A page
 * script (the dev server's reload) may be added to HTML responses; the files themselves never hold it.
 */
public final class StaticFileHandler implements HttpHandler {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final Path root;
    private final Supplier<String> pageScript;

    public StaticFileHandler(Path root) {
        this(root, () -> "");
    }

    /** Serves {@code root}, adding {@code pageScript}'s HTML before the end of every page's body. */
    public StaticFileHandler(Path root, Supplier<String> pageScript) {
        this.root = root.toAbsolutePath().normalize();
        this.pageScript = pageScript;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Path file = resolve(ex.getRequestURI());
            if (file == null) {
                send(ex, 400, "text/plain; charset=utf-8", "bad request\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            hostHeaders(ex);
            Path found = servable(Files.isDirectory(file) ? file.resolve("index.html") : file);
            if (found == null) {
                Path notFound = servable(root.resolve("404.html"));
                byte[] body = notFound != null ? page(Files.readAllBytes(notFound)) : "not found\n".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Cache-Control", "no-cache");
                send(ex, 404, "text/html; charset=utf-8", body);
                return;
            }
            byte[] body = Files.readAllBytes(found);
            send(ex, 200, type(found), type(found).startsWith("text/html") ? page(body) : body);
        }
    }

    private void hostHeaders(HttpExchange ex) throws IOException {
        Path file = servable(root.resolve(HostHeaders.FILE_NAME));
        if (file != null) {
            HostHeaders.parse(Files.readString(file, StandardCharsets.UTF_8)).forPath(ex.getRequestURI().getPath())
                    .forEach((name, value) -> ex.getResponseHeaders().set(name, value));
        }
    }

    /**
     * The real path of {@code file} when that is a regular file inside the site folder's real path, or
     * null: a link placed in the folder serves nothing from outside it.
     */
    private Path servable(Path file) {
        try {
            Path real = file.toRealPath();
            return real.startsWith(root.toRealPath()) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] page(byte[] html) {
        String script = pageScript.get();
        if (script.isEmpty()) {
            return html;
        }
        String text = new String(html, StandardCharsets.UTF_8);
        int end = text.lastIndexOf("</body>");
        return (end < 0 ? text + script : text.substring(0, end) + script + text.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    /** The file a request names, or null when the path is malformed or leaves the root. */
    Path resolve(URI uri) {
        String path = uri.getPath();
        if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0 || path.contains("\\")) {
            return null;
        }
        Path p = root.resolve(path.substring(1)).normalize();
        return p.startsWith(root) ? p : null;
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (!ex.getResponseHeaders().containsKey("Cache-Control")) {
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
