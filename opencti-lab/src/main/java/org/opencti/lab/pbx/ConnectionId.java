package org.opencti.lab.pbx;

import java.util.Objects;

/** A CSTA connection: one device's leg of one call. */
public record ConnectionId(String callId, String deviceId) {
    public ConnectionId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(deviceId, "deviceId");
    }

    @Override
    public String toString() {
        return "{" + callId + ", " + deviceId + "}";
    }
}
