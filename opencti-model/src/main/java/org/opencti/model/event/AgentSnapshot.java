package org.opencti.model.event;

import java.time.Instant;
import org.opencti.model.AgentState;
import org.opencti.model.Require;
import org.opencti.model.WorkMode;

/** The agent part of a {@link SnapshotEvent}: state since when, reason, pending state, work mode. */
public record AgentSnapshot(AgentState state, Instant since, String reasonCode, AgentState pendingState,
                            String pendingReasonCode, WorkMode workMode) {
    public AgentSnapshot {
        Require.present("agent.state", state);
        Require.present("agent.since", since);
        Require.optionalNonBlank("agent.reasonCode", reasonCode);
        Require.optionalNonBlank("agent.pendingReasonCode", pendingReasonCode);
        if (state == AgentState.NotReady && reasonCode == null)
            throw new IllegalArgumentException("agent.reasonCode is required when agent.state is NotReady");
    }
}
