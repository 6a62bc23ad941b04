package org.opencti.server.platform;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opencti.model.AgentId;
import org.opencti.server.session.User;
import org.opencti.server.session.Users;

/**
 * Who is asking, and whose data they may see: an agent its own; a supervisor its own and its team's agents.
 *
 * @param agents every agent whose interactions, state log and live state this viewer may read
 */
public record Viewer(User user, Set<AgentId> agents) {
    public Viewer {
        agents = Set.copyOf(agents);
    }

    public static Viewer of(User user, Users users) {
        if (user.role() == User.Role.agent || user.team() == null) return new Viewer(user, Set.of(user.id()));
        Set<AgentId> team = users.all().stream().filter(u -> user.team().equals(u.team())).map(User::id)
                .collect(Collectors.toCollection(HashSet::new));
        team.add(user.id());
        return new Viewer(user, team);
    }

    public boolean sees(AgentId agentId) { return agents.contains(agentId); }

    /** @throws ForbiddenException when the agent is neither this viewer nor in its team */
    public void requireSees(AgentId agentId) {
        if (sees(agentId)) return;
        String rule = user.role() == User.Role.supervisor && user.team() != null
                ? "a supervisor sees the agents of team " + user.team() + ": " + new TreeSet<>(agents.stream().map(AgentId::value).toList())
                : "an agent sees only its own data (" + user.id() + ")";
        throw new ForbiddenException("Agent " + agentId + "'s data is not visible to " + user.id() + "; " + rule + ".",
                Map.of("agentId", agentId.value(), "viewer", user.id().value()));
    }
}
