package org.opencti.model;

/** An agent's login id at the ACD (for example {@code 1001}). */
public record AgentId(String value) {
    public AgentId {
        Require.nonBlank("agentId", value);
    }

    @Override public String toString() { return value; }
}
