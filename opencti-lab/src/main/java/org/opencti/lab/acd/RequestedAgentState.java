package org.opencti.lab.acd;

import java.util.Arrays;
import java.util.Optional;

/** What SetAgentState asks for (ECMA-323 {@code requestedAgentState}). */
public enum RequestedAgentState {
    LOGGED_ON("loggedOn"),
    LOGGED_OFF("loggedOff"),
    NOT_READY("notReady"),
    READY("ready"),
    WORKING_AFTER_CALL("workingAfterCall");

    private final String wireName;

    RequestedAgentState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RequestedAgentState> fromWire(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }
}
