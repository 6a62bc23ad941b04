package org.opencti.lab.config;

import java.util.Objects;

public record Team(String id, String name) {
    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
