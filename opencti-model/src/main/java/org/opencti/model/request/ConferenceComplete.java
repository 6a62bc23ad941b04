package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Joins the held call and the consult leg into one conference (CSTA ConferenceCall). */
public record ConferenceComplete(CallId heldCallId, CallId activeCallId) implements CtiRequest {
    public ConferenceComplete {
        Require.present("heldCallId", heldCallId);
        Require.present("activeCallId", activeCallId);
        if (heldCallId.equals(activeCallId))
            throw new IllegalArgumentException("heldCallId and activeCallId must differ, both are " + heldCallId);
    }

    @Override public Action action() { return Action.CONFERENCE_COMPLETE; }
}
