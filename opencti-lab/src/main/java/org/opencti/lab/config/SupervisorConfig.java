package org.opencti.lab.config;

import java.util.List;
import java.util.Objects;

/** A supervisor of one or more teams (a platform user; supervisors take no ACD calls). */
public record SupervisorConfig(String id, String password, String name, List<String> teams) {
    public SupervisorConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(name, "name");
        teams = List.copyOf(teams);
    }
}
