package org.opencti.model.event;

import org.opencti.model.AgentState;
import org.opencti.model.Require;
import org.opencti.model.WorkMode;

/** The agent's state changed ({@code name} is the new state), or its pending state did. */
public record AgentStateEvent(EventHeader header, AgentState name, String reasonCode, AgentState previous,
                              AgentState pendingState, String pendingReasonCode, WorkMode workMode)
        implements CtiEvent {
    public AgentStateEvent {
        Require.present("header", header).requireAgent("AgentStateEvent");
        Require.present("name", name);
        Require.optionalNonBlank("reasonCode", reasonCode);
        Require.optionalNonBlank("pendingReasonCode", pendingReasonCode);
        if (name == AgentState.NotReady && reasonCode == null)
            throw new IllegalArgumentException("reasonCode is required when name is NotReady");
        if (pendingReasonCode != null && pendingState == null)
            throw new IllegalArgumentException("pendingReasonCode needs a pendingState");
    }

    @Override public String eventName() { return name.name(); }

    @Override public AgentStateEvent withHeader(EventHeader newHeader) {
        return new AgentStateEvent(newHeader, name, reasonCode, previous, pendingState, pendingReasonCode, workMode);
    }
}
