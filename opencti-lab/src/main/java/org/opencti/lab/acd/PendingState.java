package org.opencti.lab.acd;

import java.util.Objects;
import java.util.Optional;

/**
 * The state an agent enters when the current call, or the after-call work that follows it, ends:
 * {@link AgentState#NOT_READY} (with a reason), {@link AgentState#LOGGED_OUT} or {@link AgentState#READY}.
 */
public record PendingState(AgentState state, Optional<String> reasonCode) {
    public PendingState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
