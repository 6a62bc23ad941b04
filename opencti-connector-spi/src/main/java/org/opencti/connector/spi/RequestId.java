package org.opencti.connector.spi;

/** The platform's id of one request (the gateway's {@code id}), used to match a late ErrorEvent to it. */
public record RequestId(String value) {
    public RequestId {
        if (value == null || value.isBlank())
            throw new IllegalArgumentException("requestId must be a non-blank string, got " + value);
    }

    @Override public String toString() { return value; }
}
