package org.opencti.server.gateway;

import org.opencti.model.AgentId;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.request.WrapUp;

/**
 * Where the gateway hands what the platform records: every delivered event (interactions, agent-state log) and
 * wrap-ups. Implementations must not block: recording is batched off the event path.
 */
public interface Recording {
    Recording NONE = new Recording() {
        @Override public void event(CtiEvent event) {}

        @Override public void wrapUp(AgentId agentId, WrapUp wrapUp) {}
    };

    void event(CtiEvent event);

    void wrapUp(AgentId agentId, WrapUp wrapUp);
}
