package org.opencti.model.event;

import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.Customer;
import org.opencti.model.Require;

/** A call's attached data changed, or its customer was found after the screen-pop budget. */
public record CallInfoEvent(EventHeader header, CallId callId, Map<String, String> callData, Customer customer)
        implements CtiEvent {
    public CallInfoEvent {
        Require.present("header", header).requireAgent("CallInfoEvent");
        Require.present("callId", callId);
        callData = Require.callData("callData", callData);
    }

    @Override public String eventName() { return "CallInfo"; }

    @Override public CallInfoEvent withHeader(EventHeader newHeader) {
        return new CallInfoEvent(newHeader, callId, callData, customer);
    }
}
