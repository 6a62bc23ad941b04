package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Swaps between a held call and the active one (CSTA AlternateCall). */
public record AlternateCall(CallId heldCallId, CallId activeCallId) implements CtiRequest {
    public AlternateCall {
        Require.present("heldCallId", heldCallId);
        Require.present("activeCallId", activeCallId);
        if (heldCallId.equals(activeCallId))
            throw new IllegalArgumentException("heldCallId and activeCallId must differ, both are " + heldCallId);
    }

    @Override public Action action() { return Action.ALTERNATE_CALL; }
}
