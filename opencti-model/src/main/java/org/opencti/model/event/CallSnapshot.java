package org.opencti.model.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.ConsultPurpose;
import org.opencti.model.Customer;
import org.opencti.model.Party;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** One current call in a {@link SnapshotEvent}, with everything a desktop needs to draw it after a reload. */
public record CallSnapshot(CallId callId, CallId conversationId, CallType callType, ConnectionState state,
                           Instant since, String ani, String dnis, String otherDn, String queue,
                           CallId relatedCallId, ConsultPurpose consultPurpose, List<Party> parties,
                           Map<String, String> callData, List<Action> allowedActions, Customer customer) {
    public CallSnapshot {
        Require.present("call.callId", callId);
        Require.present("call.conversationId", conversationId);
        Require.present("call.callType", callType);
        Require.present("call.state", state);
        Require.present("call.since", since);
        parties = Require.list("call.parties", parties);
        callData = Require.callData("call.callData", callData);
        allowedActions = Require.list("call.allowedActions", allowedActions);
    }
}
