package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Records the wrap-up code and notes of a call; changes no state. */
public record WrapUp(CallId callId, String wrapUpCode, String notes) implements CtiRequest {
    public WrapUp {
        Require.present("callId", callId);
        Require.nonBlank("wrapUpCode", wrapUpCode);
        if (notes != null && notes.length() > 4000)
            throw new IllegalArgumentException("notes are " + notes.length() + " characters long; at most 4000 are accepted");
    }

    @Override public Action action() { return Action.WRAP_UP; }
}
