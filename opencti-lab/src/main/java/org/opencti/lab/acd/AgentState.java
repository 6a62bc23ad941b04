package org.opencti.lab.acd;

/** An ACD agent's state, with its ECMA-323 wire name. */
public enum AgentState {
    /** Not logged on at any device ({@code agentNull}). */
    LOGGED_OUT("agentNull"),
    /** Logged on, takes no ACD calls; carries a reason ({@code login} right after logon, {@code RONA}, …). */
    NOT_READY("agentNotReady"),
    /** Logged on and waiting for an ACD call. */
    READY("agentReady"),
    /** Logged on and on a call: ringing, dialling, talking or holding. */
    BUSY("agentBusy"),
    /** After-call work, after an ACD call for the queue's wrap time, or until the agent leaves it. */
    WORKING_AFTER_CALL("agentWorkingAfterCall");

    private final String wireName;

    AgentState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
