package org.opencti.server.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencti.connector.spi.Accepted;
import org.opencti.connector.spi.ConnectorContext;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.DequeueReason;
import org.opencti.model.DisconnectCause;
import org.opencti.model.QueueChange;
import org.opencti.model.event.QueueEvent;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;
import org.opencti.model.event.AgentSnapshot;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.request.AgentNotReady;
import org.opencti.model.request.AgentReady;
import org.opencti.model.request.AnswerCall;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.request.HangUpCall;
import org.opencti.model.request.Login;
import org.opencti.model.request.Logout;
import org.opencti.model.state.Action;
import org.opencti.model.state.CallLeg;
import org.opencti.model.state.StateTables;

/**
 * A fake connector for gateway tests: a tiny scripted back end that answers agent-state requests and lets a test
 * ring a call. It records every request it receives, so tests can check what never reached it.
 */
public final class FakeConnector implements CtiConnector {
    public record Received(RequestId id, AgentId agentId, CtiRequest request) {}

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<AgentId, AgentState> states = new ConcurrentHashMap<>();
    private final Map<AgentId, String> devices = new ConcurrentHashMap<>();
    private ConnectorContext context;

    @Override public void start(ConnectorContext context) { this.context = context; }

    @Override public CompletionStage<Accepted> execute(RequestId id, AgentId agentId, CtiRequest request) {
        received.add(new Received(id, agentId, request));
        switch (request) {
            case Login login -> {
                if (login.password().equals("refused-by-acd"))
                    return CompletableFuture.failedFuture(new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "ACD refused the password"));
                devices.put(agentId, login.extension());
                agentState(agentId, AgentState.NotReady, "login");
            }
            case AgentReady r -> agentState(agentId, AgentState.Ready, null);
            case AgentNotReady r -> agentState(agentId, AgentState.NotReady, r.reasonCode());
            case Logout r -> agentState(agentId, AgentState.LoggedOut, null);
            case AnswerCall r -> call(agentId, r.callId(), ConnectionState.Established, null);
            case HangUpCall r -> call(agentId, r.callId(), ConnectionState.Disconnected, DisconnectCause.Normal);
            default -> { }
        }
        return CompletableFuture.completedFuture(Accepted.NOTHING_NEW);
    }

    /** The ACD offers a call to the agent. */
    public void ring(AgentId agentId, CallId callId) { call(agentId, callId, ConnectionState.Offering, null); }

    /** The ACD offers a call from this number with this call data (screen-pop tests). */
    public void ring(AgentId agentId, CallId callId, String ani, Map<String, String> callData) {
        publish(agentId, callId, ConnectionState.Offering, null, ani, callData);
    }

    /** A queue monitor's event: the call entered (reason null) or left the queue, with {@code waiting} left. */
    public void queue(String queue, CallId callId, int waiting, DequeueReason reason) {
        context.publish(new QueueEvent(EventHeader.of(context.scheduler().now(), null, "8001"),
                reason == null ? QueueChange.CallQueued : QueueChange.CallDequeued, queue, callId, waiting, reason));
    }

    /** The agent's leg of a call is connected (the ACD call was answered at the phone). */
    public void established(AgentId agentId, CallId callId) { call(agentId, callId, ConnectionState.Established, null); }

    /** The customer hangs up. */
    public void hangUp(AgentId agentId, CallId callId) {
        call(agentId, callId, ConnectionState.Disconnected, DisconnectCause.RemoteHangup);
    }

    private void call(AgentId agentId, CallId callId, ConnectionState state, DisconnectCause cause) {
        publish(agentId, callId, state, cause, "0612345001", Map.of("accountId", "A-1001"));
    }

    private void publish(AgentId agentId, CallId callId, ConnectionState state, DisconnectCause cause, String ani,
                         Map<String, String> callData) {
        List<Action> allowed = state == ConnectionState.Disconnected ? List.of()
                : List.copyOf(StateTables.v1().allowedActions(state, CallLeg.ONLY));
        context.publish(new CallStateEvent(header(agentId), state, callId, callId, CallType.Inbound, ani, "8001",
                ani, "sales", null, null, null, callData, allowed, cause, null));
    }

    private void agentState(AgentId agentId, AgentState state, String reason) {
        AgentState previous = states.put(agentId, state);
        context.publish(new AgentStateEvent(header(agentId), state, reason, previous, null, null, null));
    }

    private EventHeader header(AgentId agentId) {
        return EventHeader.of(context.scheduler().now(), agentId, devices.getOrDefault(agentId, "5001"));
    }

    @Override public CompletionStage<SnapshotEvent> snapshot(AgentId agentId) {
        AgentState state = states.getOrDefault(agentId, AgentState.LoggedOut);
        return CompletableFuture.completedFuture(new SnapshotEvent(header(agentId), new AgentSnapshot(state,
                context.scheduler().now(), state == AgentState.NotReady ? "login" : null, null, null, null), true,
                LinkState.Connected, List.of(), List.of()));
    }

    @Override public CompletionStage<Accepted> monitorQueue(String queueDn) {
        return CompletableFuture.completedFuture(Accepted.NOTHING_NEW);
    }

    @Override public LinkState linkState() { return LinkState.Connected; }

    @Override public Set<Action> capabilities() { return Set.of(Action.values()); }

    @Override public void close() {}

    public long count(Class<? extends CtiRequest> type) { return received.stream().filter(r -> type.isInstance(r.request())).count(); }

    public static Instant start() { return Instant.parse("2026-11-28T10:00:00Z"); }
}
