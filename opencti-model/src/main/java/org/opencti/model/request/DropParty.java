package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Dn;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Removes one party from a conference (CSTA ClearConnection on that party's connection). */
public record DropParty(CallId callId, String dn) implements CtiRequest {
    public DropParty {
        Require.present("callId", callId);
        Dn.destination("dn", dn);
    }

    @Override public Action action() { return Action.DROP_PARTY; }
}
