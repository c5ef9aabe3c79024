package org.simnotes.sitegen.daemon;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.simnotes.sitegen.cmd.SimNotesCommand;
import org.simnotes.sitegen.pipeline.Reuse;
import sun.misc.Signal;

/**
 * A process that stays warm between an author's builds of one working folder, so a rebuild skips the
 * JVM's start and the warm-up of the code it runs. Each build reads the course and the cache folder as a
 * fresh process would; between builds it keeps only results keyed by everything they were made from
 * ({@link Reuse}), so its output is the same. It runs one build at a time, and leaves after an idle spell
 * or when its socket is removed.
 */
public final class BuildDaemon {
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private final ServerSocketChannel server;
    private final DaemonAddress address;
    private final Duration idle;
    private final Reuse reuse = new Reuse();
    private boolean building;
    private boolean closing;
    private boolean collected = true;
    private Instant lastUsed = Instant.now();

    private BuildDaemon(ServerSocketChannel server, DaemonAddress address, Duration idle) {
        this.server = server;
        this.address = address;
        this.idle = idle;
    }

    /** Arguments: the socket's path and the idle seconds after which the daemon leaves. */
    public static void main(String[] args) throws IOException {
        DaemonAddress address = DaemonAddress.at(Path.of(args[0]));
        Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
        int status = 0;
        try {
            listen(address, idle);
        } catch (Error e) {
            System.err.println(Instant.now() + " stopped by " + e);
            status = 1;
        }
        // A build's libraries may leave threads of their own; they must not keep the daemon alive.
        System.exit(status);
    }

    private static void listen(DaemonAddress address, Duration idle) throws IOException {
        try (FileChannel lockFile = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lockFile.tryLock()) {
            if (held == null) {
                return; // Another daemon serves this folder; its client's twin connects to it.
            }
            lockFile.truncate(0).write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            // The daemon outlives the terminal it was started from, and the Ctrl+C meant for its client, also
            // where it could not be given a session of its own.
            for (String signal : new String[] {"INT", "HUP"}) {
                Signal.handle(new Signal(signal), s -> { });
            }
            Files.deleteIfExists(address.socket());
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(address.socket()));
                // However the daemon ends, killed too: no one else may bind here while it holds the lock.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Files.deleteIfExists(address.socket());
                    } catch (IOException e) {
                        System.err.println(Instant.now() + " the socket stays: " + e);
                    }
                }));
                new BuildDaemon(server, address, idle).serve();
            }
        }
    }

    private void serve() throws IOException {
        Thread watch = new Thread(this::watch, "idle watch");
        watch.setDaemon(true);
        watch.start();
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            }
            synchronized (this) {
                if (closing) {
                    client.close();
                    return;
                }
                building = true;
            }
            try (client) {
                build(client);
            } catch (IOException | RuntimeException e) {
                System.err.println(Instant.now() + " a request failed: " + e);
            } finally {
                synchronized (this) {
                    building = false;
                    collected = false;
                    lastUsed = Instant.now();
                }
            }
        }
    }

    private void build(SocketChannel client) throws IOException {
        Wire.Request request = Wire.Request.read(Channels.newInputStream(client));
        Wire.Reply reply = new Wire.Reply(Channels.newOutputStream(client));
        Charset charset = Charset.forName(request.charset());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(reply.out(), charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(reply.err(), charset), true);
        int code;
        try {
            code = SimNotesCommand.commandLine(request.terminal(), reuse).setOut(out).setErr(err)
                    .execute(request.args().toArray(String[]::new));
        } catch (Error e) {
            // After an error such as running out of memory the process is not to be trusted with another build.
            err.println("build: " + e);
            err.flush();
            reply.exit(1);
            throw e;
        }
        out.flush();
        err.flush();
        reply.exit(code);
    }

    private void watch() {
        long step = Math.max(50, Math.min(1000, idle.toMillis() / 4));
        while (true) {
            try {
                Thread.sleep(step);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                Duration unused = Duration.between(lastUsed, Instant.now());
                if (!building && !collected && unused.compareTo(SETTLE) > 0) {
                    // Gives back what the last build used once the author has stopped building for a moment.
                    Runtime.getRuntime().gc();
                    collected = true;
                }
                boolean idleTooLong = !building && unused.compareTo(idle) > 0;
                if (idleTooLong || !Files.exists(address.socket())) {
                    closing = true;
                    try {
                        server.close();
                    } catch (IOException e) {
                        System.err.println(Instant.now() + " closing the socket failed: " + e);
                    }
                    return;
                }
            }
        }
    }
}
