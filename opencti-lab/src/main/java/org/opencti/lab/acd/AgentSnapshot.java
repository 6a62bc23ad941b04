package org.opencti.lab.acd;

import java.time.Instant;
import java.util.Optional;

/** An agent as it stands: state since when, reason, device, pending state, the queue of its after-call work. */
public record AgentSnapshot(String agentId, AgentState state, Optional<String> reasonCode, Optional<String> device,
                            Optional<PendingState> pending, Instant since, Optional<WorkMode> workMode) {

    public AgentSnapshot(String agentId, AgentState state, Optional<String> reasonCode, Optional<String> device,
                         Optional<PendingState> pending, Instant since) {
        this(agentId, state, reasonCode, device, pending, since, Optional.empty());
    }
}
