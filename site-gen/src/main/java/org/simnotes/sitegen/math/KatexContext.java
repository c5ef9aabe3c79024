package org.simnotes.sitegen.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/** One GraalJS context of a {@link KatexEngine}, with KaTeX loaded: it renders one formula at a time. */
final class KatexContext implements AutoCloseable {
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(10);
    private static final long CHECK_MILLIS = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Context context;
    private final Value render;
    private final ScheduledExecutorService watchdog;
    /** Guards the formula under way between the render thread and the watchdog. */
    private final Object alarm = new Object();
    private Thread rendering;
    private long cpuAtStart;

    KatexContext(Engine engine, Source katex, ScheduledExecutorService watchdog) {
        this.watchdog = watchdog;
        context = Context.newBuilder("js").engine(engine).build();
        context.eval(katex);
        render = context.eval("js", "(tex, display) => katex.renderToString(tex, "
                + "{displayMode: display, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore', "
                + "maxSize: " + FormulaLimits.MAX_SIZE_EM + ", maxExpand: " + FormulaLimits.MAX_EXPAND + "})");
    }

    /**
     * KaTeX's HTML for a formula; a formula still rendering after {@link FormulaLimits#MAX_TIME} of this
     * thread's CPU time is stopped (CPU time, so that a busy machine does not stop a formula that renders).
     */
    synchronized String render(String tex, boolean display) throws MathException {
        synchronized (alarm) {
            rendering = Thread.currentThread();
            cpuAtStart = cpuTime(rendering);
        }
        ScheduledFuture<?> check = watchdog.scheduleAtFixedRate(this::stopIfTooLong, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
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
            check.cancel(false);
            // Taken after a check under way has finished, so that no check can stop the next formula.
            synchronized (alarm) {
                rendering = null;
            }
        }
    }

    /** Stops the formula under way once it has had its time; the context stays usable for the next one. */
    private void stopIfTooLong() {
        synchronized (alarm) {
            if (rendering == null || cpuTime(rendering) - cpuAtStart < FormulaLimits.MAX_TIME.toNanos()) {
                return;
            }
            rendering = null;
            try {
                context.interrupt(INTERRUPT_WAIT);
            } catch (TimeoutException e) {
                // The render thread reports the interruption once it leaves KaTeX; nothing is left to stop here.
            }
        }
    }

    /** The thread's CPU time in nanoseconds, or the wall clock's where the JVM cannot measure it. */
    private static long cpuTime(Thread t) {
        long cpu = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(t.getId()) : -1;
        return cpu >= 0 ? cpu : System.nanoTime();
    }

    @Override
    public synchronized void close() {
        context.close();
    }
}
