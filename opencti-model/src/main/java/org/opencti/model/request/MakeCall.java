package org.opencti.model.request;

import java.util.Map;
import org.opencti.model.Dn;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Dials an extension, an external number or a queue DNIS (CSTA MakeCall). */
public record MakeCall(String destination, Map<String, String> callData) implements CtiRequest {
    public MakeCall {
        Dn.destination("destination", destination);
        callData = Require.callData("callData", callData);
    }

    @Override public Action action() { return Action.MAKE_CALL; }
}
