package org.opencti.model.event;

import java.time.Instant;
import org.opencti.model.AgentId;
import org.opencti.model.Media;

/**
 * A canonical OpenCTI event. Connectors and browser Implementations produce them from their back end's own
 * events; the gateway numbers them ({@code seq}) and delivers them to desktops and the platform.
 */
public sealed interface CtiEvent permits SnapshotEvent, AgentStateEvent, CallStateEvent, PartyInfoEvent,
        CallInfoEvent, LinkStateEvent, QueueEvent, ErrorEvent {

    EventHeader header();

    /** The same event with another envelope (the gateway uses it to add {@code seq}). */
    CtiEvent withHeader(EventHeader header);

    /** The wire {@code name}: the new state for state events, else the event's kind ({@code Snapshot}, ...). */
    String eventName();

    default CtiEvent withSeq(long seq) { return withHeader(header().withSeq(seq)); }

    default Long seq() { return header().seq(); }

    default Instant at() { return header().at(); }

    default AgentId agentId() { return header().agentId(); }

    default String device() { return header().device(); }

    default Media media() { return Media.PHONE; }
}
