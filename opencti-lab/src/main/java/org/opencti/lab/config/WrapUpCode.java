package org.opencti.lab.config;

import java.util.Objects;

public record WrapUpCode(String id, String label) {
    public WrapUpCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
