package org.opencti.model.event;

import java.util.List;
import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.ConsultPurpose;
import org.opencti.model.Customer;
import org.opencti.model.DisconnectCause;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/**
 * This agent's connection to a call changed; {@code name} is the new {@link ConnectionState}. A
 * {@code Disconnected} event always carries a {@code cause}. After a transfer or conference, a remaining party
 * whose call id changed gets this event with {@code replacesCallId} (and no Disconnected for the old id).
 * {@code relatedCallId} links a consult leg and the held call, at the consulting device only.
 */
public record CallStateEvent(EventHeader header, ConnectionState name, CallId callId, CallId conversationId,
                             CallType callType, String ani, String dnis, String otherDn, String queue,
                             CallId relatedCallId, CallId replacesCallId, ConsultPurpose consultPurpose,
                             Map<String, String> callData, List<Action> allowedActions, DisconnectCause cause,
                             Customer customer) implements CtiEvent {
    public CallStateEvent {
        Require.present("header", header).requireAgent("CallStateEvent");
        Require.present("name", name);
        Require.present("callId", callId);
        Require.present("conversationId", conversationId);
        Require.present("callType", callType);
        Require.optionalNonBlank("ani", ani);
        Require.optionalNonBlank("dnis", dnis);
        Require.optionalNonBlank("otherDn", otherDn);
        Require.optionalNonBlank("queue", queue);
        callData = Require.callData("callData", callData);
        allowedActions = Require.list("allowedActions", allowedActions);
        if (name == ConnectionState.Disconnected && cause == null)
            throw new IllegalArgumentException("cause is required when name is Disconnected");
        if (name != ConnectionState.Disconnected && cause != null)
            throw new IllegalArgumentException("cause is only allowed when name is Disconnected, got name " + name);
    }

    @Override public String eventName() { return name.name(); }

    @Override public CallStateEvent withHeader(EventHeader newHeader) {
        return new CallStateEvent(newHeader, name, callId, conversationId, callType, ani, dnis, otherDn, queue,
                relatedCallId, replacesCallId, consultPurpose, callData, allowedActions, cause, customer);
    }

    /** The same event with the customer found by screen pop. */
    public CallStateEvent withCustomer(Customer found) {
        return new CallStateEvent(header, name, callId, conversationId, callType, ani, dnis, otherDn, queue,
                relatedCallId, replacesCallId, consultPurpose, callData, allowedActions, cause, found);
    }
}
