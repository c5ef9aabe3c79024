package org.simnotes.sitegen.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;

/**
 * KaTeX run inside the JVM by GraalJS, so formulas become static HTML at build time. Its first context
 * costs about two seconds, most of it parsing KaTeX, which is why {@link MathRenderer} asks it only for
 * formulas not in the cache. A GraalJS context serves one thread at a time: each thread that renders opens
 * its own ({@link #open}), and the engine keeps KaTeX parsed for them all.
 */
final class KatexEngine implements AutoCloseable {
    private final Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    private final Source source;
    /** One daemon thread that stops a formula taking too long, in any context. */
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "katex-watchdog");
        t.setDaemon(true);
        return t;
    });

    KatexEngine() {
        try (InputStream in = KatexEngine.class.getClassLoader().getResourceAsStream(KatexDist.DIST + "katex.min.js")) {
            if (in == null) {
                throw new IllegalStateException("KaTeX " + KatexDist.VERSION + " is missing from the class path");
            }
            source = Source.newBuilder("js", new InputStreamReader(in, StandardCharsets.UTF_8), "katex.min.js").cached(true).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot load KaTeX: " + e.getMessage(), e);
        }
    }

    /** A context with KaTeX loaded, for one thread at a time. */
    KatexContext open() {
        return new KatexContext(engine, source, watchdog);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        engine.close();
    }
}
