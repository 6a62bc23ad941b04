package org.opencti.model.request;

import org.opencti.model.WorkMode;
import org.opencti.model.state.Action;

/** Makes the agent available for ACD calls; {@code workMode} is optional (null keeps the current one). */
public record AgentReady(WorkMode workMode) implements CtiRequest {
    @Override public Action action() { return Action.AGENT_READY; }
}
