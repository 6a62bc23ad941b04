package org.opencti.model;

/** The agent's state at the ACD, as the desktop shows it. Wire names are the constant names in PascalCase. */
public enum AgentState {
    /** Not logged in to the ACD: receives no ACD calls, may not change state except by logging in. */
    LoggedOut,
    /** Logged in but unavailable for ACD calls; always carries a reason code (right after login: {@code login}). */
    NotReady,
    /** Available: the ACD may offer a call if the device is idle. */
    Ready,
    /** Logged in and on at least one call (ringing, connected or held). */
    Busy,
    /** Wrap-up after an ACD call: for the queue's wrap time, or until the agent leaves it. */
    AfterCallWork
}
