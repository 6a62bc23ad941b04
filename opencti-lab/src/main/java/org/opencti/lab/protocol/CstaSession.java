package org.opencti.lab.protocol;

import java.time.Instant;
import java.util.Optional;

/**
 * What the lab knows about one client connection: its ECMA-354 session (if started), the namespace its events
 * use and the lab's own invokeIDs towards it. Mutated only on the event loop; session expiry and heartbeats are
 * measured on the server's session clock (the wall clock unless one is injected), never on the lab's clock.
 */
final class CstaSession {

    final ClientLink connection;
    String namespace = Namespaces.CSTA_ED4;
    Optional<String> sessionId = Optional.empty();
    int durationSeconds;
    Instant expiresAt = Instant.MAX;
    Instant nextHeartbeat = Instant.MAX;
    /** StopApplicationSession was answered: the connection closes once the answer is written. */
    boolean stopping;
    private int nextInvokeId = 1;

    CstaSession(ClientLink connection) {
        this.connection = connection;
    }

    void send(String invokeId, String xml) {
        connection.send(invokeId, xml);
    }

    /** Sends a request of the lab's own (SystemStatus) with the next invokeID, 0001…9998. */
    void request(String xml) {
        String invokeId = String.format("%04d", nextInvokeId);
        nextInvokeId = nextInvokeId == 9998 ? 1 : nextInvokeId + 1;
        send(invokeId, xml);
    }

    void startSession(String id, String protocolVersion, int duration, Instant now) {
        sessionId = Optional.of(id);
        namespace = protocolVersion;
        resetTimer(duration, now);
        nextHeartbeat = now.plus(CstaServer.HEARTBEAT);
    }

    /** A keep-alive moves the expiry, not the lab's own 60 s heartbeat. */
    void resetTimer(int duration, Instant now) {
        durationSeconds = duration;
        expiresAt = now.plusSeconds(duration);
    }
}
