package org.opencti.model;

import java.util.Arrays;

/** How much of telephony the desktop controls. */
public enum TelephonyMode {
    /** Login only monitors the device: call notifications and screen pop. */
    SIMPLE("simple"),
    /** Simple, plus agent state control. */
    SIMPLE_AGENT_STATE("simple-agent-state"),
    /** All call control from the desktop. */
    FULL("full");

    private final String wireName;

    TelephonyMode(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public static TelephonyMode fromWire(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown telephony mode '" + name
                        + "'; expected one of simple, simple-agent-state, full"));
    }
}
