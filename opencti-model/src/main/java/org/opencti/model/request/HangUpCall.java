package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Leaves a call: hangs up a connected call, or rejects a ringing one (CSTA ClearConnection). */
public record HangUpCall(CallId callId) implements CtiRequest {
    public HangUpCall {
        Require.present("callId", callId);
    }

    @Override public Action action() { return Action.HANG_UP_CALL; }
}
