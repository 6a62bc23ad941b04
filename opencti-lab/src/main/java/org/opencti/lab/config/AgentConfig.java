package org.opencti.lab.config;

import java.util.List;
import java.util.Objects;

/**
 * An ACD agent: logs on with {@code id} and {@code password} at a device (by default {@code extension}), belongs
 * to one team and is offered calls from queues whose skill is among {@code skills}.
 */
public record AgentConfig(String id, String password, String name, String team, String extension, List<String> skills) {
    public AgentConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(extension, "extension");
        skills = List.copyOf(skills);
    }
}
