package org.simnotes.sitegen.daemon;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code simnotes build} through the warm daemon of this working folder: starts one when none is running,
 * sends it the arguments and relays what it prints and its exit code. Where no daemon can take the build
 * (no private folder for its socket, or it does not start), it says why and exits with
 * {@value #NO_DAEMON}, and the launcher builds in a process of its own.
 *
 * <p>It runs from a jar of its own, without the generator's libraries on its class path, as the JDK's
 * sockets look a provider up through every jar there (a fifth of the client's run). System properties,
 * set by the launcher: {@code simnotes.daemon.classpath}, the daemon's (by default the client's own);
 * {@code simnotes.daemon.options}, its JVM options; {@code simnotes.daemon.idle}, the idle seconds after
 * which it leaves; {@code simnotes.daemon.dir}, the folder for its socket (by default
 * {@code $XDG_RUNTIME_DIR/simnotes}, or {@code simnotes-USER} in the temporary folder).
 */
public final class BuildClient {
    /** The exit code that asks the launcher to build in a process of its own (EX_TEMPFAIL). */
    static final int NO_DAEMON = 75;
    private static final long START_MILLIS = 60_000;
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** By name, as the client's jar holds only the client. */
    private static final String DAEMON = "org.simnotes.sitegen.daemon.BuildDaemon";

    private BuildClient() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args));
    }

    private static int run(String[] args) throws InterruptedException {
        if (args.length == 0 || !args[0].equals("build")) {
            return NO_DAEMON;
        }
        DaemonAddress address;
        try {
            Optional<DaemonAddress> found = address();
            if (found.isEmpty()) {
                return NO_DAEMON;
            }
            address = found.get();
        } catch (IOException e) {
            System.err.println("simnotes: no folder for the build daemon (" + e.getMessage() + "); building in a process of its own.");
            return NO_DAEMON;
        }
        try {
            int code = throughDaemon(address, args);
            System.out.flush();
            return code;
        } catch (IOException e) {
            System.err.println("simnotes: the build daemon did not answer (" + e.getMessage() + "; its log: "
                    + address.log() + "); building in a process of its own.");
            return NO_DAEMON;
        }
    }

    private static Optional<DaemonAddress> address() throws IOException {
        String dir = System.getProperty("simnotes.daemon.dir");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        // concat rather than +, whose first use starts the JVM's method handles: a tenth of the client's run.
        Path folder = dir != null ? Path.of(dir)
                : runtime != null ? Path.of(runtime, "simnotes")
                : Path.of(System.getProperty("java.io.tmpdir"), "simnotes-".concat(System.getProperty("user.name")));
        Optional<Path> usable = DaemonAddress.privateFolder(folder);
        if (usable.isEmpty() && Files.exists(folder)) {
            System.err.println("simnotes: " + folder + " is open to other users; building in a process of its own.");
        }
        return usable.isPresent() ? Optional.of(DaemonAddress.in(usable.get(), identity())) : Optional.empty();
    }

    /** Everything a daemon's builds depend on besides the course: the code, the JVM and its settings, the folder. */
    private static String identity() {
        List<String> parts = new ArrayList<>(List.of(System.getProperty("java.home"), options().toString(),
                Path.of("").toAbsolutePath().toString(), System.getProperty("file.encoding"), System.getProperty("sun.jnu.encoding"),
                Locale.getDefault().toLanguageTag()));
        for (String entry : classpath().split(File.pathSeparator)) {
            File f = new File(entry);
            parts.add(String.join(" ", entry, Long.toString(f.lastModified()), Long.toString(f.length())));
        }
        return String.join("\n", parts);
    }

    private static String classpath() {
        return System.getProperty("simnotes.daemon.classpath", System.getProperty("java.class.path"));
    }

    private static List<String> options() {
        List<String> options = new ArrayList<>();
        for (String word : System.getProperty("simnotes.daemon.options", "").split(" ")) {
            if (!word.isEmpty()) {
                options.add(word);
            }
        }
        return options;
    }

    private static int throughDaemon(DaemonAddress address, String[] args) throws IOException, InterruptedException {
        try (SocketChannel daemon = connect(address)) {
            new Wire.Request(List.of(args), System.console() != null, Charset.defaultCharset().name())
                    .send(Channels.newOutputStream(daemon));
            return Wire.relay(Channels.newInputStream(daemon), System.out, System.err);
        }
    }

    private static SocketChannel connect(DaemonAddress address) throws IOException, InterruptedException {
        UnixDomainSocketAddress socket = UnixDomainSocketAddress.of(address.socket());
        try {
            return SocketChannel.open(socket);
        } catch (IOException none) {
            Process started = start(address);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
            while (true) {
                try {
                    return SocketChannel.open(socket);
                } catch (IOException notYet) {
                    // A daemon that lost the race to another leaves with 0, and the other one answers.
                    if (!started.isAlive() && started.exitValue() != 0 || System.nanoTime() > deadline) {
                        throw notYet;
                    }
                    Thread.sleep(10);
                }
            }
        }
    }

    private static Process start(DaemonAddress address) throws IOException {
        List<String> command = new ArrayList<>();
        // In a session of its own, where the system has setsid, so the terminal's signals (Ctrl+C, Ctrl+Z,
        // hang-up) reach the client alone.
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options());
        command.addAll(List.of("-cp", classpath(), DAEMON,
                address.socket().toString(), System.getProperty("simnotes.daemon.idle", "1200")));
        return new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(address.log().toFile()))
                .redirectErrorStream(true)
                .start();
    }
}
