package org.opencti.connector.csta.framing;

import java.io.IOException;

/** The peer broke the framing (a bad header, an oversized frame); the connection cannot be trusted any more. */
public final class FramingException extends IOException {
    public FramingException(String message) { super(message); }
}
