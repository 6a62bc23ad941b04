package org.opencti.model.request;

import org.opencti.model.Require;
import org.opencti.model.WorkMode;
import org.opencti.model.state.Action;

/** Makes the agent unavailable with a reason; pending while the agent is Busy. */
public record AgentNotReady(String reasonCode, WorkMode workMode) implements CtiRequest {
    public AgentNotReady {
        Require.nonBlank("reasonCode", reasonCode);
    }

    @Override public Action action() { return Action.AGENT_NOT_READY; }
}
