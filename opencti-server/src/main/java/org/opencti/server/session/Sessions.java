package org.opencti.server.session;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.TelephonyMode;

/** Every agent session, by agent and by device: one agent = one device at a time. */
public final class Sessions {
    private final Map<AgentId, AgentSession> byAgent = new ConcurrentHashMap<>();
    private final Scheduler scheduler;
    private final int replayCapacity;

    public Sessions(Scheduler scheduler, int replayCapacity) {
        this.scheduler = scheduler;
        this.replayCapacity = replayCapacity;
    }

    /** Opens a session, refusing an agent or a device already in use. */
    public AgentSession open(User user, String device, TelephonyMode mode, boolean clientSide) {
        return open(UUID.randomUUID().toString(), user, device, mode, clientSide);
    }

    /**
     * Opens again, under its old id, a session a restarted server no longer has (its token still verifies), refusing
     * an agent or a device in use meanwhile.
     */
    public AgentSession restore(String sessionId, User user, String device, TelephonyMode mode, boolean clientSide) {
        return open(sessionId, user, device, mode, clientSide);
    }

    private synchronized AgentSession open(String sessionId, User user, String device, TelephonyMode mode, boolean clientSide) {
        AgentSession existing = byAgent.get(user.id());
        if (existing != null)
            throw new CtiException(ErrorCode.OPENCTI_AGENT_LOGGED_IN, "Agent " + user.id() + " is already logged in at device "
                    + existing.desk().device() + "; log out there first, or resume that session with its token.",
                    Map.of("agentId", user.id().value(), "device", existing.desk().device()));
        byAgent.values().stream().filter(s -> s.desk().device().equals(device)).findFirst().ifPresent(other -> {
            throw new CtiException(ErrorCode.OPENCTI_AGENT_LOGGED_IN, "Device " + device + " is in use by agent "
                    + other.user().id() + "; choose another extension.", Map.of("device", device));
        });
        AgentSession session = new AgentSession(sessionId, user, device, mode, clientSide,
                replayCapacity, 256, scheduler.now());
        byAgent.put(user.id(), session);
        return session;
    }

    public Optional<AgentSession> of(AgentId agentId) { return Optional.ofNullable(byAgent.get(agentId)); }

    public void close(AgentSession session) {
        session.cancelTimers();
        byAgent.remove(session.user().id(), session);
    }

    public Collection<AgentSession> all() { return byAgent.values(); }

    /** The agent (other than {@code except}) whose desk holds this call, if any: for "not your call" errors. */
    public Optional<AgentId> holderOf(CallId callId, AgentId except) {
        return byAgent.values().stream().filter(s -> !s.user().id().equals(except))
                .filter(s -> s.desk().knows(callId)).map(s -> s.user().id()).findFirst();
    }
}
