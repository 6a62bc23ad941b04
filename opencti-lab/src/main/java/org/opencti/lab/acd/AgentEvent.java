package org.opencti.lab.acd;

import java.util.Optional;

/** An agent state change, one record per CSTA agent event; reported to the agent device's monitors. */
public sealed interface AgentEvent {

    String device();

    String agentId();

    record LoggedOn(String device, String agentId) implements AgentEvent {
    }

    record LoggedOff(String device, String agentId, Optional<String> reasonCode) implements AgentEvent {
    }

    /** {@code workMode}: present once the agent has chosen one (od:workMode). */
    record Ready(String device, String agentId, Optional<WorkMode> workMode) implements AgentEvent {
        public Ready(String device, String agentId) {
            this(device, agentId, Optional.empty());
        }
    }

    record NotReady(String device, String agentId, Optional<String> reasonCode, Optional<WorkMode> workMode) implements AgentEvent {
        public NotReady(String device, String agentId, Optional<String> reasonCode) {
            this(device, agentId, reasonCode, Optional.empty());
        }
    }

    /** {@code acdGroup}: the queue device of the ACD call that made the agent busy, if any. */
    record Busy(String device, String agentId, Optional<String> acdGroup, Optional<PendingState> pending) implements AgentEvent {
    }

    record WorkingAfterCall(String device, String agentId, Optional<String> acdGroup,
                            Optional<PendingState> pending) implements AgentEvent {
    }
}
