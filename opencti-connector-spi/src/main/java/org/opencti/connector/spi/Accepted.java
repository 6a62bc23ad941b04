package org.opencti.connector.spi;

import org.opencti.model.CallId;

/**
 * The CTI server accepted a request. {@code callId} is the new call's id for {@code makeCall} and the three consult
 * requests, else null.
 */
public record Accepted(CallId callId) {
    public static final Accepted NOTHING_NEW = new Accepted(null);

    public static Accepted newCall(CallId callId) { return new Accepted(callId); }
}
