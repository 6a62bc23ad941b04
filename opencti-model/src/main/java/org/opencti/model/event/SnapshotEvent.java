package org.opencti.model.event;

import java.util.List;
import org.opencti.model.LinkState;
import org.opencti.model.Require;

/**
 * The whole state of one agent's desk. Sent after login, logout and resync, and when a resumed session cannot
 * be replayed. A desktop replaces everything it knows with it.
 */
public record SnapshotEvent(EventHeader header, AgentSnapshot agent, boolean deviceMonitored, LinkState linkState,
                            List<CallSnapshot> calls, List<EndedCall> awaitingWrapUp) implements CtiEvent {
    public SnapshotEvent {
        Require.present("header", header).requireAgent("SnapshotEvent");
        Require.present("agent", agent);
        Require.present("linkState", linkState);
        calls = Require.list("calls", calls);
        awaitingWrapUp = Require.list("awaitingWrapUp", awaitingWrapUp);
    }

    @Override public String eventName() { return "Snapshot"; }

    @Override public SnapshotEvent withHeader(EventHeader newHeader) {
        return new SnapshotEvent(newHeader, agent, deviceMonitored, linkState, calls, awaitingWrapUp);
    }
}
