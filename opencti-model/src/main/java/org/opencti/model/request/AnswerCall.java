package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Answers a call ringing at this device (CSTA AnswerCall). */
public record AnswerCall(CallId callId) implements CtiRequest {
    public AnswerCall {
        Require.present("callId", callId);
    }

    @Override public Action action() { return Action.ANSWER_CALL; }
}
