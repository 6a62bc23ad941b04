package org.opencti.store.agentstate;

import java.time.Instant;
import java.util.UUID;

import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.WorkMode;
import org.opencti.model.event.AgentStateEvent;

/** One line of the agent-state log: the new state, why, what it was, and what is pending. */
public record AgentStateChange(String id, AgentId agentId, AgentState state, String reasonCode, AgentState previous,
                               AgentState pendingState, String pendingReasonCode, WorkMode workMode, Instant at) {
    public AgentStateChange {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("agent state change id is required");
        if (agentId == null) throw new IllegalArgumentException("agentId is required");
        if (state == null) throw new IllegalArgumentException("state is required");
        if (at == null) throw new IllegalArgumentException("at is required");
    }

    public static AgentStateChange of(AgentStateEvent event) {
        return new AgentStateChange(UUID.randomUUID().toString(), event.agentId(), event.name(), event.reasonCode(),
                event.previous(), event.pendingState(), event.pendingReasonCode(), event.workMode(), event.at());
    }
}
