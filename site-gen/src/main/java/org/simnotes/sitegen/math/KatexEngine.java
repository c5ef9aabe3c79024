package org.simnotes.sitegen.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * KaTeX run inside the JVM by GraalJS, so formulas become static HTML at build time. Starting it costs
 * about two seconds, which is why {@link MathRenderer} asks it only for formulas not in the cache.
 * A GraalJS context is single-threaded, so calls are serialised.
 */
final class KatexEngine implements AutoCloseable {
    static final String VERSION = "0.16.47";
    static final String DIST = "META-INF/resources/webjars/katex/" + VERSION + "/dist/";

    private final Engine engine;
    private final Context context;
    private final Value render;
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(10);
    /** One daemon thread that interrupts a formula taking too long. */
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "katex-watchdog");
        t.setDaemon(true);
        return t;
    });

    KatexEngine() {
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        context = Context.newBuilder("js").engine(engine).build();
        try (InputStream in = KatexEngine.class.getClassLoader().getResourceAsStream(DIST + "katex.min.js")) {
            if (in == null) {
                throw new IllegalStateException("KaTeX " + VERSION + " is missing from the class path");
            }
            Source source = Source.newBuilder("js", new InputStreamReader(in, StandardCharsets.UTF_8), "katex.min.js")
                    .cached(true).build();
            context.eval(source);
            render = context.eval("js", "(tex, display) => katex.renderToString(tex, "
                    + "{displayMode: display, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore', "
                    + "maxSize: " + FormulaLimits.MAX_SIZE_EM + ", maxExpand: " + FormulaLimits.MAX_EXPAND + "})");
        } catch (IOException e) {
            throw new IllegalStateException("cannot load KaTeX: " + e.getMessage(), e);
        }
    }

    /** KaTeX's HTML for a formula; a formula still rendering after {@link FormulaLimits#MAX_TIME} is stopped. */
    synchronized String render(String tex, boolean display) throws MathException {
        ScheduledFuture<?> alarm = watchdog.schedule(this::interrupt, FormulaLimits.MAX_TIME.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return render.execute(tex, display).asString();
        } catch (PolyglotException e) {
            if (e.isInterrupted() || e.isCancelled()) {
                throw new MathException(FormulaLimits.timeLimitMessage());
            }
            if (e.isGuestException()) {
                String message = e.getMessage().replaceFirst("^(ParseError|Error): ", "");
                throw new MathException(message.contains("Too many expansions") ? FormulaLimits.expandLimitMessage() : message);
            }
            throw e;
        } finally {
            disarm(alarm);
        }
    }

    /** Stops the formula under way; the context stays usable for the next one. */
    private void interrupt() {
        try {
            context.interrupt(INTERRUPT_WAIT);
        } catch (TimeoutException e) {
            // The render thread reports the interruption once it leaves KaTeX; nothing is left to stop here.
        }
    }

    /** Cancels an alarm, or waits for one already ringing, so that it cannot interrupt the next formula. */
    private static void disarm(ScheduledFuture<?> alarm) {
        if (alarm.cancel(false)) {
            return;
        }
        try {
            alarm.get();
        } catch (ExecutionException | CancellationException e) {
            // An alarm that failed interrupted nothing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        watchdog.shutdownNow();
        context.close();
        engine.close();
    }
}
