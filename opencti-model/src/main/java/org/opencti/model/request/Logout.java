package org.opencti.model.request;

import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Logs the agent out of the ACD; pending while the agent is Busy. */
public record Logout(String reasonCode) implements CtiRequest {
    public Logout {
        Require.optionalNonBlank("reasonCode", reasonCode);
    }

    @Override public Action action() { return Action.LOGOUT; }
}
