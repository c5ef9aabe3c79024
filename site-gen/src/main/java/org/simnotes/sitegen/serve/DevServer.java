package org.simnotes.sitegen.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.simnotes.sitegen.content.FileChanges;

/**
 * The dev server: serves the site folder exactly as built, watches the sources, rebuilds on a change
 * and, when the rebuild succeeded, reloads the pages open in the browser. A connection between
 * requests holds no thread, and the JDK's server closes it after 30 idle seconds; the JDK also refuses
 * a request's headers past 200 lines or 380 KB.
 */
public final class DevServer implements AutoCloseable {
    /**
     * How long one request may take to arrive and be answered; a page's files take milliseconds on
     * this machine, so only a client that stalls mid-request meets it.
     */
    public static final Duration EXCHANGE_LIMIT = Duration.ofSeconds(5);

    private final HttpServer server;
    private final ExchangeExecutor exchanges = new ExchangeExecutor(EXCHANGE_LIMIT);
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
     *
     * @throws java.net.UnknownHostException when {@code bind} names no address
     * @throws java.net.SocketException when the server cannot listen there (the port is taken, say)
     */
    public DevServer(Path site, String bind, int port, List<Path> sources, Rebuild rebuild) throws IOException {
        LiveReload reload = new LiveReload();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 0);
        } catch (IOException e) {
            exchanges.close();
            throw e;
        }
        try {
            RequestGuard guard = RequestGuard.forServer(bind, server.getAddress());
            server.createContext("/", new StaticFileHandler(site, reload::pageScript)).getFilters().add(guard);
            server.createContext(LiveReload.PATH, reload).getFilters().add(guard);
            server.setExecutor(exchanges);
            server.start();
            watcher = new ChangeWatcher(sources, changes -> rebuild.run(changes, reload::changed));
        } catch (IOException e) {
            stop();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void stop() {
        server.stop(0);
        exchanges.close();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        stop();
    }
}
