package org.opencti.store;

/** What {@code record} does when the write buffer holds {@link StoreConfig#bufferCapacity()} pending rows. */
public enum WhenBufferFull {
    /**
     * The new write is dropped and counted in {@link WriterCounters#dropped()}; the event path never waits.
     * An interaction is written as a whole row, so its next event re-sends everything a dropped write held.
     */
    DROP_NEWEST,
    /**
     * The caller waits until the writer makes room: nothing is lost, but a long database outage stalls
     * whoever publishes events. For deployments that prefer complete records over live events.
     */
    BLOCK_CALLER
}
