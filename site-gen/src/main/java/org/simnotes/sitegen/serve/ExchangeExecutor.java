package org.simnotes.sitegen.serve;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the dev server's exchanges (reading a request, answering it) each on a thread of its own and
 * within a time limit, so a client that sends half a request, or less body than it announced, holds
 * one thread for a while and delays no one else. The JDK's server reads requests with blocking
 * channel reads, which no socket timeout bounds; interrupting the thread closes the channel, which
 * ends the exchange. (The JDK's own limit, {@code sun.net.httpserver.maxReqTime}, is a system property
 * read once per process, so a server made earlier in the same JVM would leave this one without it.)
 */
final class ExchangeExecutor implements Executor, AutoCloseable {
    /** Far more than a browser opens to one host; past it a new connection is closed, not queued behind slow ones. */
    private static final int MAX_THREADS = 32;

    private final Duration limit;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService alarms;

    ExchangeExecutor(Duration limit) {
        this.limit = limit;
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "dev-server-" + count.incrementAndGet()));
        alarms = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dev-server-deadline"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void execute(Runnable exchange) {
        pool.execute(() -> {
            Running running = new Running(Thread.currentThread());
            ScheduledFuture<?> alarm = alarms.schedule(running::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                exchange.run();
            } finally {
                alarm.cancel(false);
                running.finish();
            }
        });
    }

    /** An exchange under way; the lock keeps a late alarm from interrupting the thread's next exchange. */
    private static final class Running {
        private final Thread thread;
        private boolean done;

        Running(Thread thread) {
            this.thread = thread;
        }

        synchronized void expire() {
            if (!done) {
                thread.interrupt();
            }
        }

        synchronized void finish() {
            done = true;
            Thread.interrupted();
        }
    }

    @Override
    public void close() {
        alarms.shutdownNow();
        pool.shutdownNow();
    }
}
