package org.opencti.server.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.LinkState;
import org.opencti.model.WorkMode;
import org.opencti.model.event.AgentSnapshot;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallInfoEvent;
import org.opencti.model.event.CallSnapshot;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EndedCall;
import org.opencti.model.event.ErrorEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.LinkStateEvent;
import org.opencti.model.event.PartyInfoEvent;
import org.opencti.model.event.QueueEvent;
import org.opencti.model.event.SnapshotEvent;

/**
 * What the platform knows of one agent's desk, kept from the canonical events it delivers: the agent state, the
 * current calls with their {@code allowedActions}, and ended calls awaiting wrap-up. The gateway checks requests
 * against it before anything reaches a connector, and builds snapshots from it. Not thread-safe: its owner
 * ({@link org.opencti.server.session.AgentSession}) serialises access.
 */
public final class Desk {
    private final AgentId agentId;
    private final String device;
    private AgentState state = AgentState.LoggedOut;
    private Instant since;
    private String reasonCode;
    private AgentState pendingState;
    private String pendingReasonCode;
    private WorkMode workMode;
    private LinkState linkState = LinkState.Connected;
    private boolean deviceMonitored;
    private final Map<CallId, CallSnapshot> calls = new LinkedHashMap<>();
    private final Map<CallId, EndedCall> awaitingWrapUp = new LinkedHashMap<>();

    public Desk(AgentId agentId, String device, Instant since) {
        this.agentId = agentId;
        this.device = device;
        this.since = since;
    }

    public AgentId agentId() { return agentId; }

    public String device() { return device; }

    public AgentState state() { return state; }

    public Optional<CallSnapshot> call(CallId callId) { return Optional.ofNullable(calls.get(callId)); }

    public boolean awaitsWrapUp(CallId callId) { return awaitingWrapUp.containsKey(callId); }

    public boolean knows(CallId callId) { return calls.containsKey(callId) || awaitingWrapUp.containsKey(callId); }

    public List<CallSnapshot> calls() { return List.copyOf(calls.values()); }

    /** Updates the desk from one delivered event. */
    public void apply(CtiEvent event) {
        switch (event) {
            case SnapshotEvent e -> {
                AgentSnapshot a = e.agent();
                state = a.state();
                since = a.since();
                reasonCode = a.reasonCode();
                pendingState = a.pendingState();
                pendingReasonCode = a.pendingReasonCode();
                workMode = a.workMode();
                linkState = e.linkState();
                deviceMonitored = e.deviceMonitored();
                calls.clear();
                e.calls().forEach(c -> calls.put(c.callId(), c));
                awaitingWrapUp.clear();
                e.awaitingWrapUp().forEach(c -> awaitingWrapUp.put(c.callId(), c));
            }
            case AgentStateEvent e -> {
                if (e.name() != state || !java.util.Objects.equals(e.reasonCode(), reasonCode)) since = e.at();
                state = e.name();
                reasonCode = e.reasonCode();
                pendingState = e.pendingState();
                pendingReasonCode = e.pendingReasonCode();
                if (e.workMode() != null) workMode = e.workMode();
                deviceMonitored = state != AgentState.LoggedOut;
                if (state == AgentState.LoggedOut) awaitingWrapUp.clear();
            }
            case CallStateEvent e -> applyCall(e);
            case PartyInfoEvent e -> calls.computeIfPresent(e.callId(), (id, c) -> new CallSnapshot(c.callId(),
                    c.conversationId(), c.callType(), c.state(), c.since(), c.ani(), c.dnis(), c.otherDn(), c.queue(),
                    c.relatedCallId(), c.consultPurpose(), e.parties(), c.callData(), c.allowedActions(), c.customer()));
            case CallInfoEvent e -> calls.computeIfPresent(e.callId(), (id, c) -> new CallSnapshot(c.callId(),
                    c.conversationId(), c.callType(), c.state(), c.since(), c.ani(), c.dnis(), c.otherDn(), c.queue(),
                    c.relatedCallId(), c.consultPurpose(), c.parties(), e.callData(),
                    c.allowedActions(), e.customer() != null ? e.customer() : c.customer()));
            case LinkStateEvent e -> linkState = e.name();
            case QueueEvent e -> { /* queues are not part of an agent's desk */ }
            case ErrorEvent e -> { /* errors change nothing */ }
        }
    }

    private void applyCall(CallStateEvent e) {
        if (e.replacesCallId() != null) calls.remove(e.replacesCallId());
        CallSnapshot before = calls.get(e.callId());
        if (e.name() == ConnectionState.Disconnected) {
            calls.remove(e.callId());
            // An ACD call (one that came through a queue) waits for its wrap-up code.
            if (e.queue() != null || (before != null && before.queue() != null)) {
                String queue = e.queue() != null ? e.queue() : before.queue();
                awaitingWrapUp.put(e.callId(), new EndedCall(e.callId(), e.conversationId(), e.callType(), queue,
                        e.ani() != null ? e.ani() : before == null ? null : before.ani(), e.at(), e.cause(), e.callData()));
            }
            return;
        }
        Instant callSince = before != null && before.state() == e.name() ? before.since() : e.at();
        calls.put(e.callId(), new CallSnapshot(e.callId(), e.conversationId(), e.callType(), e.name(), callSince,
                e.ani() != null ? e.ani() : before == null ? null : before.ani(),
                e.dnis() != null ? e.dnis() : before == null ? null : before.dnis(),
                e.otherDn() != null ? e.otherDn() : before == null ? null : before.otherDn(),
                e.queue() != null ? e.queue() : before == null ? null : before.queue(),
                e.relatedCallId(), e.consultPurpose(), before == null ? List.of() : before.parties(), e.callData(),
                e.allowedActions(), e.customer() != null ? e.customer() : before == null ? null : before.customer()));
    }

    /** A wrap-up was recorded for this ended call. */
    public void wrappedUp(CallId callId) { awaitingWrapUp.remove(callId); }

    /** The whole desk as a snapshot event (no {@code seq}: the session numbers it on delivery). */
    public SnapshotEvent snapshot(Instant at) {
        return new SnapshotEvent(EventHeader.of(at, agentId, device),
                new AgentSnapshot(state, since, state == AgentState.NotReady && reasonCode == null ? "unknown" : reasonCode,
                        pendingState, pendingReasonCode, workMode),
                deviceMonitored, linkState, new ArrayList<>(calls.values()), new ArrayList<>(awaitingWrapUp.values()));
    }
}
