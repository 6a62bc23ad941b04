package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Takes a held call off hold (CSTA RetrieveCall). */
public record RetrieveCall(CallId callId) implements CtiRequest {
    public RetrieveCall {
        Require.present("callId", callId);
    }

    @Override public Action action() { return Action.RETRIEVE_CALL; }
}
