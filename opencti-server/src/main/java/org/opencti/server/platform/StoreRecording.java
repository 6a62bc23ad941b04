package org.opencti.server.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.function.Consumer;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.AgentId;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.json.CtiJson;
import org.opencti.model.request.WrapUp;
import org.opencti.server.gateway.Gateway;
import org.opencti.server.gateway.Recording;
import org.opencti.server.gateway.Supervision;
import org.opencti.store.Store;
import org.opencti.store.audit.AuditEntry;

/**
 * Records into the store what the gateway delivers: call events become interactions, agent-state events the
 * agent-state log, wrap-ups land on the interaction they name, and every control request becomes an audit entry
 * (actor, target, the request without its password, the result code).
 *
 * <p>Never blocks the event path: the store's recorder and logs only queue rows for its background writer. Only a
 * wrap-up for a call older than the recorder keeps in memory reads the database, and that is on the request path.
 */
public final class StoreRecording implements Recording, Consumer<Gateway.HandledRequest> {
    private final Store store;
    private final Scheduler scheduler;

    public StoreRecording(Store store, Scheduler scheduler) {
        this.store = store;
        this.scheduler = scheduler;
    }

    @Override public void event(CtiEvent event) { store.recorder().record(event); }

    /**
     * @throws org.opencti.model.CtiException {@code OPENCTI_UNKNOWN_CALL} when the agent has no interaction on the
     *         call; the gateway answers the request with it
     */
    @Override public void wrapUp(AgentId agentId, WrapUp wrapUp) {
        store.recorder().wrapUp(agentId, wrapUp.callId(), wrapUp.wrapUpCode(), wrapUp.notes(), scheduler.now());
    }

    /** A supervisor's state change of a team member, accepted or refused, as one audit entry (action setAgentState). */
    public void stateChange(Supervision.StateChange change) {
        ObjectNode request = CtiJson.mapper().createObjectNode().put("type", "setAgentState")
                .put("agentId", change.target().value()).put("state", change.state());
        if (change.reasonCode() != null) request.put("reasonCode", change.reasonCode());
        store.audit().append(new AuditEntry(UUID.randomUUID().toString(), scheduler.now(), change.supervisor().value(),
                change.target(), change.requestId(), "setAgentState", request.toString(), change.result()));
    }

    /** The audit trail: one entry per control request, accepted or refused. */
    @Override public void accept(Gateway.HandledRequest handled) {
        store.audit().append(AuditEntry.of(scheduler.now(), handled.actor().value(), handled.target(),
                handled.requestId(), handled.request(), handled.result()));
    }
}
