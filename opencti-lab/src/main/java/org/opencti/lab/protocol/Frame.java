package org.opencti.lab.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One CSTA message on TCP: the 4-digit invokeID of its 8-byte header and its XML body. */
public record Frame(String invokeId, byte[] body) {

    public static final String EVENT_INVOKE_ID = "9999";
    public static final int HEADER_LENGTH = 8;
    public static final int MAX_LENGTH = 0xFFFF;

    public Frame {
        Objects.requireNonNull(invokeId, "invokeId");
        Objects.requireNonNull(body, "body");
        if (!invokeId.matches("\\d{4}"))
            throw new IllegalArgumentException("invokeID must be 4 ASCII digits, got '" + invokeId + "'");
    }

    public static Frame of(String invokeId, String xml) {
        return new Frame(invokeId, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Header + body, ready for the socket. */
    public byte[] encode() {
        int length = HEADER_LENGTH + body.length;
        if (length > MAX_LENGTH)
            throw new IllegalArgumentException("CSTA message of " + length + " bytes exceeds the header's limit of " + MAX_LENGTH);
        byte[] bytes = new byte[length];
        bytes[2] = (byte) (length >>> 8);
        bytes[3] = (byte) length;
        System.arraycopy(invokeId.getBytes(StandardCharsets.US_ASCII), 0, bytes, 4, 4);
        System.arraycopy(body, 0, bytes, HEADER_LENGTH, body.length);
        return bytes;
    }

    public String xml() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
