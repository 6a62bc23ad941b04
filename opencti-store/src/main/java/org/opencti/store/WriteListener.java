package org.opencti.store;

import java.time.Duration;

/**
 * Observes the background writer, for metrics, logs and tests. Called on the writer thread: keep it short and
 * never block in it.
 */
public interface WriteListener {
    WriteListener NONE = new WriteListener() {};

    /** A batch was committed; {@code rows} excludes rows the database rejected. */
    default void batchWritten(int rows) {}

    /** An attempt to write a batch failed; the writer retries after {@code retryIn}. */
    default void attemptFailed(int attempt, Exception cause, Duration retryIn) {}
}
