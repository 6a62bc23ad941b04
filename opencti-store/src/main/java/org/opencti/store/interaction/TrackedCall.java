package org.opencti.store.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.DisconnectCause;
import org.opencti.model.event.CallStateEvent;

/**
 * The recorder's working copy of one interaction, plus what the table does not keep (when the current hold
 * began). Mutable, and touched only under the recorder's lock; {@link #snapshot()} is what gets written.
 */
final class TrackedCall {
    private final String id;
    private final AgentId agentId;
    private final CallId conversationId;
    private final CallType callType;
    private final Instant offeredAt;
    private CallId callId;
    private String ani;
    private String dnis;
    private String queue;
    private Instant answeredAt;
    private Instant endedAt;
    private boolean endApproximate;
    private Duration holdTime;
    private Instant heldSince;
    private DisconnectCause cause;
    private String wrapUpCode;
    private String wrapUpNotes;
    private Instant wrappedAt;
    private Map<String, String> callData;
    private String customerId;

    private TrackedCall(Interaction row) {
        id = row.id();
        agentId = row.agentId();
        conversationId = row.conversationId();
        callType = row.callType();
        offeredAt = row.offeredAt();
        callId = row.callId();
        ani = row.ani();
        dnis = row.dnis();
        queue = row.queue();
        answeredAt = row.answeredAt();
        endedAt = row.endedAt();
        endApproximate = row.endApproximate();
        holdTime = row.holdTime();
        cause = row.cause();
        wrapUpCode = row.wrapUpCode();
        wrapUpNotes = row.wrapUpNotes();
        wrappedAt = row.wrappedAt();
        callData = row.callData();
        customerId = row.customerId();
    }

    /** A stored interaction, to carry on from (after a restart, or for a late wrap-up). */
    static TrackedCall of(Interaction row) {
        return new TrackedCall(row);
    }

    /** The first event seen for a call starts its interaction; the call type and conversation stay as first seen. */
    static TrackedCall startedBy(String id, CallStateEvent event) {
        return new TrackedCall(new Interaction(id, event.agentId(), event.callId(), event.conversationId(),
                event.callType(), event.ani(), event.dnis(), event.queue(), event.at(), null, null, false,
                Duration.ZERO, null, null, null, null, event.callData(), null));
    }

    CallId callId() { return callId; }

    boolean ended() { return endedAt != null; }

    void apply(CallStateEvent event) {
        callId = event.callId(); // follows replacesCallId after a transfer
        if (ani == null) ani = event.ani();
        if (dnis == null) dnis = event.dnis();
        if (queue == null) queue = event.queue();
        attach(event.callData(), event.customer() == null ? null : event.customer().id());
        Instant at = event.at();
        switch (event.name()) {
            case Offering, Initiated, Alerting -> { }
            case Established -> {
                endHold(at);
                if (answeredAt == null) answeredAt = at;
            }
            case Held -> {
                if (heldSince == null) heldSince = at;
            }
            // A connector closes a call the reconcile no longer found with LinkLost: when it ended is a guess.
            case Disconnected -> end(at, event.cause(), event.cause() == DisconnectCause.LinkLost);
        }
    }

    /** Call data replaces what was known (events carry it whole); an empty map means "unchanged". */
    void attach(Map<String, String> data, String customer) {
        if (!data.isEmpty()) callData = data;
        if (customer != null) customerId = customer;
    }

    void end(Instant at, DisconnectCause why, boolean approximate) {
        Instant end = at.isBefore(offeredAt) ? offeredAt : at;
        endHold(end);
        endedAt = end;
        cause = why;
        endApproximate = approximate;
    }

    void wrapUp(String code, String notes, Instant at) {
        wrapUpCode = code;
        wrapUpNotes = notes;
        wrappedAt = at;
    }

    private void endHold(Instant at) {
        if (heldSince == null) return;
        if (at.isAfter(heldSince)) holdTime = holdTime.plus(Duration.between(heldSince, at));
        heldSince = null;
    }

    Interaction snapshot() {
        return new Interaction(id, agentId, callId, conversationId, callType, ani, dnis, queue, offeredAt, answeredAt,
                endedAt, endApproximate, holdTime, cause, wrapUpCode, wrapUpNotes, wrappedAt, callData, customerId);
    }
}
