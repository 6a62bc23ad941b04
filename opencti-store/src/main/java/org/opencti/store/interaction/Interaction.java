package org.opencti.store.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.DisconnectCause;

/**
 * What one agent did with one call. Interactions of all agents on one customer call share {@code conversationId}.
 * {@code callId} is the call's current id: after a transfer it follows {@code replacesCallId}.
 * {@code endApproximate} is true when the end was inferred (the CTI link was lost and the call was gone after it).
 * Times the call has not reached yet, and absent values, are null.
 */
public record Interaction(String id, AgentId agentId, CallId callId, CallId conversationId, CallType callType,
                          String ani, String dnis, String queue, Instant offeredAt, Instant answeredAt,
                          Instant endedAt, boolean endApproximate, Duration holdTime, DisconnectCause cause,
                          String wrapUpCode, String wrapUpNotes, Instant wrappedAt, Map<String, String> callData,
                          String customerId) {
    public Interaction {
        require("id", id);
        require("agentId", agentId);
        require("callId", callId);
        require("conversationId", conversationId);
        require("callType", callType);
        require("offeredAt", offeredAt);
        require("holdTime", holdTime);
        callData = callData == null ? Map.of() : Map.copyOf(callData);
    }

    public boolean ended() {
        return endedAt != null;
    }

    private static void require(String field, Object value) {
        if (value == null) throw new IllegalArgumentException("interaction." + field + " is required");
    }
}
