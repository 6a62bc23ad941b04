package org.opencti.connector.spi.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Real time: one daemon thread runs every timer, so timer tasks must be short and never block. */
public final class SystemScheduler implements Scheduler, AutoCloseable {
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService executor;

    public SystemScheduler(String threadName) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override public Instant now() { return clock.instant(); }

    @Override public Cancellable schedule(Duration delay, Runnable task) {
        var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override public Cancellable every(Duration period, Runnable task) {
        var future = executor.scheduleAtFixedRate(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override public void close() { executor.shutdownNow(); }
}
