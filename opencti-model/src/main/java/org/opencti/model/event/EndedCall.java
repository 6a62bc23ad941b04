package org.opencti.model.event;

import java.time.Instant;
import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.DisconnectCause;
import org.opencti.model.Require;

/** An ACD call that ended and still awaits its wrap-up code ({@code wrapUp}). */
public record EndedCall(CallId callId, CallId conversationId, CallType callType, String queue, String ani,
                        Instant endedAt, DisconnectCause cause, Map<String, String> callData) {
    public EndedCall {
        Require.present("awaitingWrapUp.callId", callId);
        Require.present("awaitingWrapUp.conversationId", conversationId);
        Require.present("awaitingWrapUp.callType", callType);
        Require.present("awaitingWrapUp.endedAt", endedAt);
        Require.present("awaitingWrapUp.cause", cause);
        callData = Require.callData("awaitingWrapUp.callData", callData);
    }
}
