package org.opencti.model.request;

import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.Dn;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Holds the call and dials a consult leg that may end in a transfer or a conference (CSTA ConsultationCall, consultOptions unrestricted). */
public record ConsultationCall(CallId callId, String destination, Map<String, String> callData) implements CtiRequest {
    public ConsultationCall {
        Require.present("callId", callId);
        Dn.destination("destination", destination);
        callData = Require.callData("callData", callData);
    }

    @Override public Action action() { return Action.CONSULTATION_CALL; }
}
