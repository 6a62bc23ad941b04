package org.opencti.server.gateway;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.QueueEvent;
import org.opencti.model.request.AgentNotReady;
import org.opencti.model.request.AgentReady;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.request.Logout;
import org.opencti.server.platform.NotFoundException;
import org.opencti.server.platform.QueueStatistics;
import org.opencti.server.session.AgentSession;
import org.opencti.server.session.Sessions;
import org.opencti.server.session.User;
import org.opencti.server.session.Users;

/**
 * What supervisors get from the gateway: the live feed of their team (each member's {@code AgentStateEvent}s and
 * {@code CallStateEvent}s, numbered in the supervisor's own session, so resume and replay work as for an agent),
 * every queue's {@code QueueEvent}s (addressed to the supervisor, as the model says), and the one control they
 * have over their team: setting a member Ready, NotReady (with a reason) or LoggedOut. Anything else, or anyone
 * outside the team, is {@code OPENCTI_NOT_AUTHORIZED}; every attempt is audited.
 *
 * <p>Snapshots of team members are not forwarded: on a supervisor's socket a snapshot means its own desk.
 */
public final class Supervision {
    /** The states a supervisor may set for a team member. */
    public static final Set<AgentState> SETTABLE = Set.of(AgentState.Ready, AgentState.NotReady, AgentState.LoggedOut);

    private final Sessions sessions;
    private final Users users;
    private final CtiConnector connector;
    private final Scheduler scheduler;
    private final QueueStatistics queues;
    private final Consumer<StateChange> audit;

    public Supervision(Sessions sessions, Users users, CtiConnector connector, Scheduler scheduler,
                       QueueStatistics queues, Consumer<StateChange> audit) {
        this.sessions = sessions;
        this.users = users;
        this.connector = connector;
        this.scheduler = scheduler;
        this.queues = queues;
        this.audit = audit;
    }

    public QueueStatistics queues() { return queues; }

    /** An agent's session got this event: its call events count for the queues, and its team's supervisors see it. */
    void delivered(CtiEvent event) {
        if (event instanceof CallStateEvent call) queues.callEvent(call);
        if (!(event instanceof AgentStateEvent) && !(event instanceof CallStateEvent)) return;
        String team = users.find(event.agentId()).map(User::team).orElse(null);
        if (team == null) return;
        for (AgentSession session : sessions.all()) {
            User watcher = session.user();
            if (watcher.role() == User.Role.supervisor && team.equals(watcher.team()) && !watcher.id().equals(event.agentId()))
                session.observe(event);
        }
    }

    /** A queue monitor's event: counted, then sent to every supervisor as an event of their own session. */
    void queueEvent(QueueEvent event) {
        queues.queueEvent(event);
        for (AgentSession session : sessions.all()) {
            if (session.user().role() != User.Role.supervisor) continue;
            EventHeader h = event.header();
            session.observe(event.withHeader(new EventHeader(null, h.at(), session.user().id(), h.device())));
        }
    }

    /**
     * A supervisor sets a team member's state. Completes when the CTI server accepted the request (the change itself
     * arrives as events); fails with {@link CtiException}: {@code OPENCTI_NOT_AUTHORIZED} (not a supervisor, not in
     * the team, a state a supervisor may not set), {@link NotFoundException} (no such user), {@code OPENCTI_BAD_REQUEST}
     * (no such state, NotReady without a reason), {@code OPENCTI_AGENT_NOT_LOGGED_IN}, or whatever the state tables and the connector say.
     *
     * @param state the wire name of the state, as the caller sent it
     */
    public CompletableFuture<Void> setState(User supervisor, AgentId target, String state, String reasonCode, String requestId) {
        Instant started = scheduler.now();
        StateChange change = new StateChange(supervisor.id(), target, state, reasonCode, requestId, null, started);
        try {
            AgentSession session = check(supervisor, target, state, reasonCode);
            CtiRequest request = switch (AgentState.valueOf(state)) {
                case Ready -> new AgentReady(null);
                case NotReady -> new AgentNotReady(reasonCode, null);
                case LoggedOut -> new Logout(reasonCode);
                case Busy, AfterCallWork -> throw new IllegalStateException("checked above: " + state);
            };
            if (RequestGuard.check(session, request, sessions) == RequestGuard.Verdict.ACKNOWLEDGE) {
                audit.accept(change);
                return CompletableFuture.completedFuture(null);
            }
            return connector.execute(new RequestId(requestId), target, request).toCompletableFuture()
                    .handle((accepted, failure) -> {
                        CtiException error = failure == null ? null : Gateway.unwrap(failure);
                        audit.accept(change.withResult(error == null ? null : error.code()));
                        if (error != null) throw error;
                        return null;
                    });
        } catch (CtiException e) {
            audit.accept(change.withResult(e.code()));
            return CompletableFuture.failedFuture(e);
        }
    }

    private AgentSession check(User supervisor, AgentId target, String state, String reasonCode) {
        if (supervisor.role() != User.Role.supervisor || supervisor.team() == null)
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "Only a supervisor with a team may set another"
                    + " agent's state; " + supervisor.id() + " is " + (supervisor.role() == User.Role.supervisor
                    ? "a supervisor without a team." : "an agent."), Map.of("agentId", target.value()));
        User member = users.find(target).orElseThrow(() -> new NotFoundException("agent", target.value(),
                "GET /api/v1/agents lists the logged-in agents of your team."));
        if (target.equals(supervisor.id()) || !supervisor.team().equals(member.team()) || member.role() != User.Role.agent)
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "Agent " + target + " is not in team "
                    + supervisor.team() + " of supervisor " + supervisor.id() + "; a supervisor may set the state of"
                    + " its own team's agents only.", Map.of("agentId", target.value(), "team", supervisor.team()));
        AgentState wanted = Arrays.stream(AgentState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "$.state: unknown agent state '" + state
                        + "'; a supervisor may set Ready, NotReady (with reasonCode) or LoggedOut.", Map.of("path", "$.state")));
        if (!SETTABLE.contains(wanted))
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "A supervisor may not set agent " + target + " "
                    + wanted + "; it may set Ready, NotReady (with reasonCode) or LoggedOut.",
                    Map.of("agentId", target.value(), "state", wanted.name()));
        if (wanted == AgentState.NotReady && (reasonCode == null || reasonCode.isBlank()))
            throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "$.reasonCode: NotReady needs a reason code, e.g."
                    + " \"break\" (GET /api/v1/codes/reasons lists them).", Map.of("path", "$.reasonCode"));
        AgentSession session = sessions.of(target).orElseThrow(() -> new CtiException(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN,
                "Agent " + target + " is not logged in; a supervisor can change the state of a logged-in agent only.",
                Map.of("agentId", target.value())));
        if (session.clientSide())
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "Agent " + target + " logged in client-side: its"
                    + " desktop talks to the CTI server itself, so the platform cannot change its state.",
                    Map.of("agentId", target.value()));
        return session;
    }

    /** One supervisor state change, for the audit trail ({@code result} null: accepted). */
    public record StateChange(AgentId supervisor, AgentId target, String state, String reasonCode, String requestId,
                              ErrorCode result, Instant at) {
        StateChange withResult(ErrorCode code) {
            return new StateChange(supervisor, target, state, reasonCode, requestId, code, at);
        }
    }
}
