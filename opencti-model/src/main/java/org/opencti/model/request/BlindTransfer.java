package org.opencti.model.request;

import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.Dn;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Sends the call to another destination without consulting (CSTA SingleStepTransferCall, or DeflectCall while ringing). */
public record BlindTransfer(CallId callId, String destination, Map<String, String> callData) implements CtiRequest {
    public BlindTransfer {
        Require.present("callId", callId);
        Dn.destination("destination", destination);
        callData = Require.callData("callData", callData);
    }

    @Override public Action action() { return Action.BLIND_TRANSFER; }
}
