package org.opencti.store;

/**
 * What the background writer has done since the store opened, for metrics and health checks.
 *
 * @param queued         rows waiting to be written now (buffered plus the batch being written)
 * @param written        row writes committed (an interaction written again after a change counts again)
 * @param dropped        rows refused because the buffer was full ({@link WhenBufferFull#DROP_NEWEST})
 * @param rejected       rows the database refused for their content (too long, constraint); logged and skipped
 * @param failedAttempts batch attempts that failed and were retried (database down, connection lost)
 * @param lost           rows still unwritten when {@link Store#close()} gave up waiting for the database
 */
public record WriterCounters(int queued, long written, long dropped, long rejected, long failedAttempts, long lost) {
}
