package org.opencti.lab.protocol;

import java.util.Optional;

/**
 * What the lab knows about one client connection: its ECMA-354 session (if started), the namespace its events
 * use and the lab's own invokeIDs towards it. Mutated only on the event loop; session expiry is measured on
 * the wall clock (System.nanoTime), never on the lab's clock.
 */
final class CstaSession {

    final CstaConnection connection;
    String namespace = Namespaces.CSTA_ED4;
    Optional<String> sessionId = Optional.empty();
    int durationSeconds;
    long expiresAtNanos;
    long nextHeartbeatNanos;
    /** StopApplicationSession was answered: the connection closes once the answer is written. */
    boolean stopping;
    private int nextInvokeId = 1;

    CstaSession(CstaConnection connection) {
        this.connection = connection;
    }

    void send(String invokeId, String xml) {
        connection.send(Frame.of(invokeId, xml));
    }

    /** Sends a request of the lab's own (SystemStatus) with the next invokeID, 0001…9998. */
    void request(String xml) {
        String invokeId = String.format("%04d", nextInvokeId);
        nextInvokeId = nextInvokeId == 9998 ? 1 : nextInvokeId + 1;
        send(invokeId, xml);
    }

    void startSession(String id, String protocolVersion, int duration, long nowNanos) {
        sessionId = Optional.of(id);
        namespace = protocolVersion;
        resetTimer(duration, nowNanos);
    }

    void resetTimer(int duration, long nowNanos) {
        durationSeconds = duration;
        expiresAtNanos = nowNanos + duration * 1_000_000_000L;
        nextHeartbeatNanos = nowNanos + CstaServer.HEARTBEAT.toNanos();
    }
}
