package org.opencti.lab.config;

import java.util.Objects;

/** A NotReady / logout reason. The lab itself uses {@code login} and {@code RONA}. */
public record ReasonCode(String id, String label) {
    public ReasonCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
