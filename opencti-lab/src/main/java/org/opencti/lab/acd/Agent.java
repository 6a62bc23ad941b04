package org.opencti.lab.acd;

import java.time.Instant;
import java.util.Optional;
import org.opencti.lab.clock.Timer;
import org.opencti.lab.config.AgentConfig;

/** An agent's live state. Mutable, confined to the event loop. */
final class Agent {

    final AgentConfig config;
    AgentState state = AgentState.LOGGED_OUT;
    Optional<String> reasonCode = Optional.empty();
    Optional<String> device = Optional.empty();
    Optional<PendingState> pending = Optional.empty();
    Instant since;
    /** Entered Ready at: the longest-idle agent is offered the next call. */
    Instant readySince;
    /** The state to return to after a non-ACD call. */
    AgentState stateBeforeBusy = AgentState.NOT_READY;
    Optional<String> reasonBeforeBusy = Optional.empty();
    /** The queue of an ACD call handled during this busy spell: after-call work follows. */
    Optional<String> wrapQueue = Optional.empty();
    Optional<Timer> wrapTimer = Optional.empty();
    boolean ringNoAnswer;
    /** Chosen with ready/notReady; empty = never chosen (ManualIn behaviour, nothing on the wire). */
    Optional<WorkMode> workMode = Optional.empty();
    /** Config order: breaks ties between agents Ready at the same instant. */
    final int ordinal;

    Agent(AgentConfig config, int ordinal, Instant now) {
        this.config = config;
        this.ordinal = ordinal;
        this.since = now;
        this.readySince = now;
    }

    String id() {
        return config.id();
    }

    AgentSnapshot snapshot() {
        return new AgentSnapshot(config.id(), state, reasonCode, device, pending, since, workMode);
    }
}
