package org.opencti.model.request;

import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Replaces the keys it names in the call's attached data (CSTA AssociateData). */
public record SetCallData(CallId callId, Map<String, String> data) implements CtiRequest {
    public SetCallData {
        Require.present("callId", callId);
        data = Require.callData("data", Require.present("data", data));
    }

    @Override public Action action() { return Action.SET_CALL_DATA; }
}
