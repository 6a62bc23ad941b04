package org.opencti.model.request;

import org.opencti.model.AgentId;
import org.opencti.model.Dn;
import org.opencti.model.Require;
import org.opencti.model.state.Action;

/** Logs the agent in at an extension (its default one when absent); the agent starts NotReady with reason login. */
public record Login(AgentId agentId, String password, String extension, LoginOptions options) implements CtiRequest {
    public Login {
        Require.present("agentId", agentId);
        Require.present("password", password);
        if (extension != null) Dn.destination("extension", extension);
        options = options == null ? LoginOptions.DEFAULTS : options;
    }

    @Override public Action action() { return Action.LOGIN; }

    /** Never prints the password: requests end up in logs and audit rows. */
    @Override public String toString() {
        return "Login[agentId=" + agentId + ", extension=" + extension + ", options=" + options + "]";
    }
}
