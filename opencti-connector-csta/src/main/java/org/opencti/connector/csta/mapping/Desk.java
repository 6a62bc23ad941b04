package org.opencti.connector.csta.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;
import org.opencti.model.Party;
import org.opencti.model.event.AgentSnapshot;
import org.opencti.model.event.CallSnapshot;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EndedCall;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.PartyInfoEvent;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.state.Action;
import org.opencti.model.state.CallLeg;
import org.opencti.model.state.StateTables;

/**
 * One logged-in agent's desk: agent state and the calls at its device, kept from the CSTA events of its monitor.
 * It computes each call's {@link CallLeg}, so {@code allowedActions} come from the state tables, and it refuses
 * requests the state does not allow before anything is sent. Not thread-safe: callers hold its monitor.
 */
public final class Desk implements Monitored {
    final AgentId agentId;
    final String device;
    final Directory directory;
    AgentState agentState = AgentState.LoggedOut;
    Instant agentSince;
    String reasonCode;
    AgentState pendingState;
    String pendingReasonCode;
    final Map<String, DeskCall> calls = new LinkedHashMap<>();
    final Map<String, EndedCall> awaitingWrapUp = new LinkedHashMap<>();

    public Desk(AgentId agentId, String device, Directory directory, Instant now) {
        this.agentId = agentId;
        this.device = device;
        this.directory = directory;
        this.agentSince = now;
    }

    public AgentId agentId() { return agentId; }

    public String device() { return device; }

    public AgentState agentState() { return agentState; }

    public String reasonCode() { return reasonCode; }

    EventHeader header(Instant at) { return EventHeader.of(at, agentId, device); }

    /** Where a call stands among the device's calls, for the state tables. */
    CallLeg legOf(DeskCall call) {
        if (call.consultPurpose != null) {
            boolean partnerHere = call.relatedCallId != null && calls.containsKey(call.relatedCallId.value());
            if (call.consultLeg && partnerHere) return CallLeg.consult(call.consultPurpose);
            if (!call.consultLeg && (partnerHere || call.awaitingConsultLeg)) return CallLeg.primary(call.consultPurpose);
        }
        return calls.size() > 1 ? CallLeg.OTHER : CallLeg.ONLY;
    }

    /** The call's allowedActions, in the order of {@link Action}, so events are stable. */
    List<Action> actions(DeskCall call) {
        if (call.state == ConnectionState.Disconnected)
            return awaitingWrapUp.containsKey(call.callId.value()) ? List.of(Action.WRAP_UP) : List.of();
        return StateTables.v1().allowedActions(call.state, legOf(call)).stream().sorted(Comparator.naturalOrder()).toList();
    }

    CallStateEvent stateEvent(DeskCall call, Instant at, DisconnectCause cause, CallId replaces) {
        call.published = true;
        call.lastActions = actions(call);
        boolean linked = call.consultPurpose != null && call.relatedCallId != null;
        return new CallStateEvent(header(at), call.state, call.callId, call.conversationId, call.callType, call.ani,
                call.dnis, call.otherDn, call.queue, linked ? call.relatedCallId : null, replaces,
                linked ? call.consultPurpose : null, call.callData, call.lastActions, cause, null);
    }

    PartyInfoEvent partyEvent(DeskCall call, Instant at) { return new PartyInfoEvent(header(at), call.callId, parties(call)); }

    List<Party> parties(DeskCall call) {
        return call.parties.entrySet().stream()
                .map(p -> new Party(p.getKey(), directory.role(p.getKey()), p.getValue())).toList();
    }

    /** Re-announces calls whose allowedActions changed because another call came, went or changed. */
    void refreshOthers(DeskCall changed, Instant at, List<CtiEvent> out) {
        for (DeskCall call : calls.values()) {
            if (call == changed || !call.published) continue;
            if (!actions(call).equals(call.lastActions)) out.add(stateEvent(call, at, null, null));
        }
    }

    /** Ends a call at this device: Disconnected with {@code cause}, kept for wrap-up if it was an ACD call. */
    void end(DeskCall call, DisconnectCause cause, Instant at, List<CtiEvent> out) {
        calls.remove(call.callId.value());
        call.state = ConnectionState.Disconnected;
        call.parties.remove(device);
        if (call.acd && cause != DisconnectCause.NoAnswer && cause != DisconnectCause.Redirected)
            awaitingWrapUp.put(call.callId.value(), new EndedCall(call.callId, call.conversationId, call.callType,
                    call.queue, call.ani, at, cause, call.callData));
        if (call.relatedCallId != null) {
            DeskCall partner = calls.get(call.relatedCallId.value());
            if (partner != null) {
                partner.relatedCallId = null;
                partner.consultPurpose = null;
                partner.awaitingConsultLeg = false;
            }
        }
        out.add(stateEvent(call, at, cause, null));
        refreshOthers(call, at, out);
    }

    // ---- requests: checks made before anything is sent ----

    /** The call at this device, or {@code OPENCTI_UNKNOWN_CALL} naming the calls that are here. */
    public DeskCall require(CallId callId) {
        DeskCall call = calls.get(callId.value());
        if (call != null) return call;
        throw new CtiException(ErrorCode.OPENCTI_UNKNOWN_CALL, "Unknown call '" + callId + "' at device " + device
                + "; calls here: " + (calls.isEmpty() ? "none" : String.join(", ", calls.keySet())),
                Map.of("callId", callId.value(), "device", device));
    }

    /** Refuses {@code action} on the call unless the state tables allow it there. */
    public DeskCall check(Action action, CallId callId) {
        DeskCall call = require(callId);
        StateTables.v1().checkCallAction(action, callId, call.state, legOf(call));
        return call;
    }

    public ConnectionState stateOf(CallId callId) { return require(callId).state; }

    public CallId relatedOf(CallId callId) { return require(callId).relatedCallId; }

    public java.util.Set<String> partiesOf(CallId callId) { return require(callId).parties.keySet(); }

    /** Remembers that our consult request on {@code primary} asked for {@code purpose}. */
    public void consultRequested(CallId primary, org.opencti.model.ConsultPurpose purpose) {
        DeskCall call = calls.get(primary.value());
        if (call != null) call.requestedPurpose = purpose;
    }

    public void hangUpRequested(CallId callId) {
        DeskCall call = calls.get(callId.value());
        if (call != null) call.hangUpRequested = true;
    }

    /** {@code wrapUp}: records nothing here (the platform does) but forgets the ended call; unknown ones are refused. */
    public void wrapUp(CallId callId) {
        if (awaitingWrapUp.remove(callId.value()) != null) return;
        if (calls.containsKey(callId.value())) check(Action.WRAP_UP, callId); // a live call: the table refuses it
        throw new CtiException(ErrorCode.OPENCTI_UNKNOWN_CALL, "No ended call '" + callId + "' awaits wrap-up at device "
                + device + "; awaiting: " + (awaitingWrapUp.isEmpty() ? "none" : String.join(", ", awaitingWrapUp.keySet())),
                Map.of("callId", callId.value(), "device", device));
    }

    // ---- snapshot ----

    public SnapshotEvent snapshot(Instant at, LinkState link) {
        List<CallSnapshot> current = new ArrayList<>();
        for (DeskCall call : calls.values()) {
            boolean linked = call.consultPurpose != null && call.relatedCallId != null;
            current.add(new CallSnapshot(call.callId, call.conversationId, call.callType, call.state, call.since, call.ani,
                    call.dnis, call.otherDn, call.queue, linked ? call.relatedCallId : null, linked ? call.consultPurpose : null,
                    parties(call), call.callData, actions(call), null));
        }
        AgentSnapshot agent = new AgentSnapshot(agentState, agentSince,
                agentState == AgentState.NotReady ? reasonCode : null, pendingState, pendingState == null ? null : pendingReasonCode, null);
        return new SnapshotEvent(header(at), agent, true, link, current, List.copyOf(awaitingWrapUp.values()));
    }

    @Override public String toString() {
        return "Desk[" + agentId + "@" + device + " " + agentState + ", calls " + calls.values().stream()
                .map(c -> c.callId + ":" + c.state).collect(Collectors.joining(", ")) + "]";
    }
}
