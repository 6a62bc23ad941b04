package org.opencti.model.state;

import org.opencti.model.AgentState;
import org.opencti.model.ErrorCode;

/** What an agent request does in the agent's current state, as {@code state-tables.json} says. */
public sealed interface AgentOutcome {
    /** The agent moves to {@code state}; an AgentStateEvent follows. */
    record To(AgentState state) implements AgentOutcome {}

    /** The agent is already there: acknowledged, no event. */
    record Same() implements AgentOutcome {}

    /** Applies when the agent's calls (or after-call work) end; the pending state is reported now. */
    record Pending(AgentState state) implements AgentOutcome {}

    /** Refused with {@code code} before any side effect. */
    record Refused(ErrorCode code) implements AgentOutcome {}
}
