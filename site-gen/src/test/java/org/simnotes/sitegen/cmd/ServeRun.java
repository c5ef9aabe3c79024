package org.simnotes.sitegen.cmd;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs {@code serve} in-process on a thread of its own, as an author leaves it running in a terminal, until closed. */
final class ServeRun implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("Serving .* at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    private ServeRun(String... args) {
        CommandLine cli = SimNotesCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        thread = new Thread(() -> cli.execute(args), "serve-under-test");
        thread.start();
    }

    /** Starts {@code serve} with {@code args} (and {@code --port 0}) and waits until it serves. */
    static ServeRun start(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "serve";
        all[1] = "--port";
        all[2] = "0";
        System.arraycopy(args, 0, all, 3, args.length);
        ServeRun run = new ServeRun(all);
        run.await(r -> SERVING.matcher(r.out()).find(), "serving");
        Matcher m = SERVING.matcher(run.out());
        m.find();
        run.port = Integer.parseInt(m.group(1));
        return run;
    }

    String out() {
        return out.toString();
    }

    /** The port {@code serve} listens on. */
    int port() {
        return port;
    }

    String err() {
        return err.toString();
    }

    /** The page at {@code path}, as a browser gets it. */
    String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Waits until {@code done} holds, failing after a minute or when {@code serve} stopped. */
    void await(Predicate<ServeRun> done, String what) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!done.test(this)) {
            if (!thread.isAlive()) {
                fail("serve stopped before " + what + "; out: " + out() + "\nerr: " + err());
            }
            if (System.nanoTime() > end) {
                fail("no " + what + " within " + PATIENCE + "; out: " + out() + "\nerr: " + err());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Waits until the page at {@code path} holds {@code text}. */
    void awaitPage(String path, String text) {
        await(r -> {
            try {
                return r.get(path).contains(text);
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }, path + " with " + text);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(PATIENCE.toMillis());
    }
}
