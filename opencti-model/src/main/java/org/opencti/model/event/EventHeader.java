package org.opencti.model.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.opencti.model.AgentId;
import org.opencti.model.Require;

/**
 * The envelope every event carries. {@code seq} is null until the gateway delivers the event (only the gateway
 * numbers events, per agent session, gap-free from 1). {@code at} is the back end's event time, kept to the
 * millisecond because the wire writes exactly three fractional digits. {@code agentId} is absent only on a
 * {@link QueueEvent} before it is delivered to a supervisor.
 */
public record EventHeader(Long seq, Instant at, AgentId agentId, String device) {
    public EventHeader {
        if (seq != null) Require.positive("seq", seq);
        at = Require.present("at", at).truncatedTo(ChronoUnit.MILLIS);
        Require.nonBlank("device", device);
    }

    public static EventHeader of(Instant at, AgentId agentId, String device) {
        return new EventHeader(null, at, agentId, device);
    }

    public EventHeader withSeq(long newSeq) { return new EventHeader(newSeq, at, agentId, device); }

    public EventHeader withAgent(AgentId newAgentId) { return new EventHeader(seq, at, newAgentId, device); }

    EventHeader requireAgent(String eventType) {
        if (agentId == null) throw new IllegalArgumentException(eventType + ".agentId is required");
        return this;
    }
}
