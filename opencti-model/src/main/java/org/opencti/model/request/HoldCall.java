package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Puts an established call on hold (CSTA HoldCall). */
public record HoldCall(CallId callId) implements CtiRequest {
    public HoldCall {
        Require.present("callId", callId);
    }

    @Override public Action action() { return Action.HOLD_CALL; }
}
