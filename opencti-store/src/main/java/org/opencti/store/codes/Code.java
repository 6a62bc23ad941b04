package org.opencti.store.codes;

/** A configured reason code (agent NotReady) or wrap-up code: the id the wire carries and the label a desktop shows. */
public record Code(String id, String label) {
    public Code {
        if (id == null || id.isBlank() || id.length() > 64)
            throw new IllegalArgumentException("code id must be 1 to 64 characters, got " + quote(id));
        if (label == null || label.isBlank() || label.length() > 255)
            throw new IllegalArgumentException("label of code '" + id + "' must be 1 to 255 characters, got " + quote(label));
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
