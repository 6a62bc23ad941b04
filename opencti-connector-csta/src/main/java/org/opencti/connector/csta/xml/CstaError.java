package org.opencti.connector.csta.xml;

/**
 * A negative answer: the ECMA-323 error category ({@code operation}, {@code stateIncompatibility}, ... or
 * {@code definedError} for ECMA-354) and its value, plus the switch's human text when it sends one.
 */
public record CstaError(String category, String value, String message) {
    @Override public String toString() {
        return category + "/" + value + (message == null ? "" : " (" + message + ")");
    }
}
