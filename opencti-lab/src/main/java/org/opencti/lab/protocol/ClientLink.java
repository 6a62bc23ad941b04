package org.opencti.lab.protocol;

/**
 * One client's transport, as a {@link CstaSession} sees it: TCP with the 8-byte header ({@link CstaConnection})
 * or WebSocket text frames ({@link WebSocketLink}). Sending never blocks the event loop.
 */
interface ClientLink {

    long id();

    /** Queues one message; {@code invokeId} empty = none (only on WebSocket, answering a request that had none). */
    void send(String invokeId, String xml);

    /** Closes once the messages already queued are written. */
    void closeAfterWrites();

    void close();

    /**
     * Makes the link half-open for good: nothing it receives is handled and nothing is written to it, but the
     * connection stays open, as when a network path dies without a reset ({@link LinkFaults#halfOpenAll()}).
     */
    void silence();

    boolean silent();
}
