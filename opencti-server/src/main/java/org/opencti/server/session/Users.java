package org.opencti.server.session;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencti.model.AgentId;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

/** The platform's users, from configuration. */
public final class Users {
    private final Map<AgentId, User> byId = new LinkedHashMap<>();

    public Users(List<User> users) {
        users.forEach(u -> byId.put(u.id(), u));
    }

    /** The user with these credentials; a wrong id and a wrong password get the same answer. */
    public User authenticate(AgentId id, String password) {
        User user = byId.get(id);
        if (user == null || !user.password().matches(password))
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "Wrong agent id or password for agent " + id
                    + "; check both and try again.", Map.of("agentId", id.value()));
        return user;
    }

    public Collection<User> all() { return byId.values(); }

    public Optional<User> find(AgentId id) { return Optional.ofNullable(byId.get(id)); }
}
