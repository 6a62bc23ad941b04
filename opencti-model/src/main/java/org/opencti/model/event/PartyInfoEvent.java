package org.opencti.model.event;

import java.util.List;
import org.opencti.model.CallId;
import org.opencti.model.Party;
import org.opencti.model.Require;

/** The parties of a call changed (a remote party joined, held or left); never this agent's own call state. */
public record PartyInfoEvent(EventHeader header, CallId callId, List<Party> parties) implements CtiEvent {
    public PartyInfoEvent {
        Require.present("header", header).requireAgent("PartyInfoEvent");
        Require.present("callId", callId);
        parties = Require.list("parties", parties);
    }

    @Override public String eventName() { return "PartyInfo"; }

    @Override public PartyInfoEvent withHeader(EventHeader newHeader) {
        return new PartyInfoEvent(newHeader, callId, parties);
    }
}
