package org.simnotes.sitegen.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.simnotes.sitegen.content.FileChanges;

/**
 * The dev server: serves the site folder exactly as built, watches the sources, rebuilds on a change
 * and, when the rebuild succeeded, reloads the pages open in the browser.
 */
public final class DevServer implements AutoCloseable {
    private final HttpServer server;
    private final ChangeWatcher watcher;

    /** Rebuilds the site after a change. */
    public interface Rebuild {
        /**
         * Rebuilds after {@code changes}; runs {@code pagesWritten} once the pages are written (open
         * pages then reload).
         */
        void run(FileChanges changes, Runnable pagesWritten);
    }

    /**
     * Serves {@code site} on {@code bind:port} (port 0 picks a free one). {@code rebuild} runs after each
     * change to {@code sources}.
     */
    public DevServer(Path site, String bind, int port, List<Path> sources, Rebuild rebuild) throws IOException {
        LiveReload reload = new LiveReload();
        server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.createContext("/", new StaticFileHandler(site, reload::pageScript));
        server.createContext(LiveReload.PATH, reload);
        server.start();
        try {
            watcher = new ChangeWatcher(sources, changes -> rebuild.run(changes, reload::changed));
        } catch (IOException e) {
            server.stop(0);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        server.stop(0);
    }
}
