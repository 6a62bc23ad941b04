package org.opencti.connector.csta.framing;

/**
 * One CSTA XML message as it travelled. {@code invokeId} is the 4-digit id of the 8-byte header ({@code 9999} for
 * events), or null when the framing carries none (then the id rides in the root's {@code invokeID} attribute).
 */
public record Frame(String invokeId, String xml) {
    public static final String EVENT_INVOKE_ID = "9999";
}
