package org.simnotes.sitegen.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets through only the requests the dev server answers: GET and HEAD (405 for any other method, on
 * every path), sent to a Host that names this server (421 otherwise). The Host check stops DNS
 * rebinding, where a page from another site points its own name at this address and reads the
 * served files: the browser then sends that other name.
 */
final class RequestGuard extends Filter {
    private final Set<String> hosts;

    private RequestGuard(Set<String> hosts) {
        this.hosts = Set.copyOf(hosts);
    }

    /**
     * For a server listening on {@code address}, reached as {@code bind}: localhost, the loopback
     * addresses and {@code bind}, and every address of this machine when it listens on all of them,
     * each with the port (and without it on port 80, where browsers leave it out).
     */
    static RequestGuard forServer(String bind, InetSocketAddress address) throws SocketException {
        Set<String> names = new HashSet<>(List.of("localhost", "127.0.0.1", "[::1]", literal(bind)));
        if (address.getAddress().isAnyLocalAddress()) {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                nic.inetAddresses().forEach(a -> names.add(literal(a.getHostAddress().replaceFirst("%.*", ""))));
            }
        }
        Set<String> hosts = new HashSet<>();
        for (String name : names) {
            hosts.add(name + ":" + address.getPort());
            if (address.getPort() == 80) {
                hosts.add(name);
            }
        }
        return new RequestGuard(hosts);
    }

    /** A name as it appears in a Host header: IPv6 addresses in brackets, lower case. */
    private static String literal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains(":") && !lower.startsWith("[") ? "[" + lower + "]" : lower;
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            refuse(ex, 405, "method not allowed\n");
            return;
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            refuse(ex, 421, "this server answers only to its own address, such as localhost\n");
            return;
        }
        chain.doFilter(ex);
    }

    private static void refuse(HttpExchange ex, int status, String message) throws IOException {
        try (ex) {
            StaticFileHandler.send(ex, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String description() {
        return "GET and HEAD to this server's own address only";
    }
}
