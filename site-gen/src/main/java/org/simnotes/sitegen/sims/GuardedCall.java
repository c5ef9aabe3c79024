package org.simnotes.sitegen.sims;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a widget's code on the build machine with a time limit: an author's widget is code like any
 * other, and one that loops or throws must give a located error, never a hung or crashed build. The
 * code runs on a daemon thread of its own, so a widget that never returns is left behind, not waited for.
 */
public final class GuardedCall {
    /** Far above the milliseconds a widget's view takes; only a widget that loops reaches it. */
    public static final long LIMIT_SECONDS = 10;

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "simnotes-widget");
        t.setDaemon(true);
        return t;
    });

    private GuardedCall() {
    }

    /** A widget's code that failed: what happened, in a sentence, with the widget's own frame where there is one. */
    public static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The value of {@code task}, or a {@link Failure} saying how it threw or that it ran past {@code seconds}. */
    public static <T> T call(Callable<T> task, long seconds) throws Failure {
        Future<T> result = THREADS.submit(task);
        try {
            return result.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new Failure("did not finish within " + seconds + " s; does it loop?");
        } catch (ExecutionException e) {
            throw new Failure(describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    /** "threw java.lang.ArithmeticException: / by zero at pkg.Foo.render(Foo.java:12)". */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder("threw ").append(t.getClass().getName());
        if (t.getMessage() != null) {
            sb.append(": ").append(t.getMessage());
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (!frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("jdk.")) {
                sb.append(" at ").append(frame);
                break;
            }
        }
        return sb.toString();
    }
}
