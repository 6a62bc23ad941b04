package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Joins the held call and the consult leg and leaves both (CSTA TransferCall). */
public record TransferComplete(CallId heldCallId, CallId activeCallId) implements CtiRequest {
    public TransferComplete {
        Require.present("heldCallId", heldCallId);
        Require.present("activeCallId", activeCallId);
        if (heldCallId.equals(activeCallId))
            throw new IllegalArgumentException("heldCallId and activeCallId must differ, both are " + heldCallId);
    }

    @Override public Action action() { return Action.TRANSFER_COMPLETE; }
}
