package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Drops a consult leg and returns to the held call (CSTA ReconnectCall). */
public record CancelConsult(CallId consultCallId) implements CtiRequest {
    public CancelConsult {
        Require.present("consultCallId", consultCallId);
    }

    @Override public Action action() { return Action.CANCEL_CONSULT; }
}
