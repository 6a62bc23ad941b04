package org.opencti.model;

/** A call's id as the CTI server names it; opaque to OpenCTI. */
public record CallId(String value) {
    public CallId {
        Require.nonBlank("callId", value);
    }

    @Override public String toString() { return value; }
}
