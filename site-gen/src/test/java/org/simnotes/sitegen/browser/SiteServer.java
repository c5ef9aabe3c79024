package org.simnotes.sitegen.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.simnotes.sitegen.serve.StaticFileHandler;

/** The built site over http on a free loopback port, as the dev server serves it. */
public final class SiteServer implements AutoCloseable {
    private final HttpServer server;

    public SiteServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", new StaticFileHandler(root));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
