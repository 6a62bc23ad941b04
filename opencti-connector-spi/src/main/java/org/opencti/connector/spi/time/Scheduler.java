package org.opencti.connector.spi.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Time and timers for connectors and the platform. Production uses {@link SystemScheduler}; tests use
 * {@link ManualScheduler} and advance it, so "detected within 6 s" is checked without waiting.
 */
public interface Scheduler {

    Instant now();

    /** Runs {@code task} once after {@code delay}, on a scheduler thread (never the caller's). */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, first after one period. */
    Cancellable every(Duration period, Runnable task);

    /** A scheduled task that can be cancelled; cancelling twice is harmless. */
    interface Cancellable {
        void cancel();
    }
}
