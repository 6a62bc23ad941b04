package org.opencti.server.session;

import org.opencti.model.AgentId;

/** A platform user: an agent or a supervisor, with a team and a default extension. */
public record User(AgentId id, PasswordHash password, Role role, String team, String extension) {
    public enum Role { agent, supervisor }

    public User {
        if (id == null || password == null || role == null)
            throw new IllegalArgumentException("user id, password and role are required");
    }
}
