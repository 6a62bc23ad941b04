package org.opencti.connector.csta.mapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.ConsultPurpose;
import org.opencti.model.DisconnectCause;
import org.opencti.model.state.Action;

/** One call at an agent's device, as the connector tracks it. Mutable; guarded by its {@link Desk}'s lock. */
final class DeskCall {
    CallId callId;
    CallId conversationId;
    CallType callType;
    ConnectionState state;
    Instant since;
    String ani;
    String dnis;
    String otherDn;
    String queue;
    /** The other leg of a consult: the consult leg on the primary (held) call and vice versa. */
    CallId relatedCallId;
    ConsultPurpose consultPurpose;
    /** True on the consult leg, false on the primary call; meaningful only with a purpose. */
    boolean consultLeg;
    /** A consult was asked or announced (HeldEvent cause consultation) and its leg has not appeared yet. */
    boolean awaitingConsultLeg;
    /** The purpose our own consult request asked for, until the switch makes the leg. */
    ConsultPurpose requestedPurpose;
    /** Came through an ACD queue: after it ends it awaits wrap-up. */
    boolean acd;
    /** This agent asked to leave the call (hang up, reject). */
    boolean hangUpRequested;
    /** Another party left before us: a later clearing of our connection is the remote's doing. */
    boolean remoteLeft;
    /** Set by a FailedEvent: the cause of the clearing that follows. */
    DisconnectCause failure;
    /** Whether a CallStateEvent about this call was published (a leg stays silent until we know its far end). */
    boolean published;
    Map<String, String> callData = new LinkedHashMap<>();
    /** Every device on the call (ours too) with its connection state, in the order they joined. */
    Map<String, ConnectionState> parties = new LinkedHashMap<>();
    List<Action> lastActions = List.of();

    DeskCall(CallId callId, CallId conversationId, CallType callType, ConnectionState state, Instant since) {
        this.callId = callId;
        this.conversationId = conversationId;
        this.callType = callType;
        this.state = state;
        this.since = since;
    }

    /** The first party that is not {@code device}, or null. */
    String firstOther(String device) {
        return parties.keySet().stream().filter(dn -> !dn.equals(device)).findFirst().orElse(null);
    }
}
