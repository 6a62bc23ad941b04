package org.opencti.model.request;

import org.opencti.model.CallId;
import org.opencti.model.Dn;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Sends DTMF digits on an established call (CSTA GenerateDigits). */
public record SendDTMF(CallId callId, String digits) implements CtiRequest {
    public SendDTMF {
        Require.present("callId", callId);
        Require.matches("digits", digits, Dn.DTMF, Dn.DTMF_ACCEPTED);
    }

    @Override public Action action() { return Action.SEND_DTMF; }
}
