package org.opencti.lab.protocol;

/** A TCP frame header that cannot be trusted; the connection it came on must be closed. */
public final class BadFrameException extends RuntimeException {
    public BadFrameException(String message) {
        super(message);
    }
}
