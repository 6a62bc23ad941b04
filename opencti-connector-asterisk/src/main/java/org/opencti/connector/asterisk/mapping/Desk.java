package org.opencti.connector.asterisk.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;
import org.opencti.model.Party;
import org.opencti.model.PartyRole;
import org.opencti.model.event.AgentSnapshot;
import org.opencti.model.event.AgentStateEvent;
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
 * One logged-in agent at one extension: the queue member's pause state as Asterisk reports it, the calls whose
 * channels are at the extension, and the canonical agent state derived from both (Busy while any call is here).
 * Not thread-safe: the {@link Correlator} holds its lock.
 */
public final class Desk {
    final AgentId agentId;
    final String device;
    final String memberInterface;
    /** The queues Asterisk reports this member in (QueueMemberAdded / Removed). */
    final Set<String> queues = new LinkedHashSet<>();
    AgentState state = AgentState.LoggedOut;
    Instant since;
    String reasonCode;
    /** What the member is in the queues apart from calls: Ready, or NotReady with {@link #pauseReason}. */
    boolean paused = true;
    String pauseReason = "login";
    AgentState pendingState;
    String pendingReasonCode;
    /** Wrap-up seconds Asterisk reported for the member (queues.conf wrapuptime); 0 is none. */
    int wrapUpSeconds;
    final Map<String, DeskCall> calls = new LinkedHashMap<>();
    final Map<String, EndedCall> awaitingWrapUp = new LinkedHashMap<>();

    public Desk(AgentId agentId, String device, String memberInterface, Instant now) {
        this.agentId = agentId;
        this.device = device;
        this.memberInterface = memberInterface;
        this.since = now;
    }

    public AgentId agentId() { return agentId; }

    public String device() { return device; }

    public String memberInterface() { return memberInterface; }

    public AgentState state() { return state; }

    /** The NotReady reason, else null. */
    public String reasonCode() { return reasonCode; }

    public Set<String> queues() { return Set.copyOf(queues); }

    EventHeader header(Instant at) { return EventHeader.of(at, agentId, device); }

    // ---- agent state ----

    /** The state the member's pause says, ignoring calls. */
    private AgentState idleState() { return paused ? AgentState.NotReady : AgentState.Ready; }

    /** Moves to {@code next}, publishing only a real change. */
    void moveTo(AgentState next, String reason, Instant at, List<CtiEvent> out) {
        String nextReason = next == AgentState.NotReady ? reason : null;
        if (next == state && java.util.Objects.equals(nextReason, reasonCode)) return;
        AgentState previous = state;
        state = next;
        reasonCode = nextReason;
        since = at;
        out.add(new AgentStateEvent(header(at), next, nextReason, previous, pendingState, pendingReasonCode, null));
    }

    /** Asterisk says the member is (un)paused: a change of the idle state, pending while Busy. */
    void paused(boolean nowPaused, String reason, Instant at, List<CtiEvent> out) {
        paused = nowPaused;
        pauseReason = nowPaused ? (reason == null || reason.isBlank() ? "Paused" : reason) : null;
        if (state == AgentState.Busy || state == AgentState.AfterCallWork) return;
        moveTo(idleState(), pauseReason, at, out);
    }

    /** NotReady asked while Busy: the pause is sent at once, and the canonical state shows it as pending. */
    public List<CtiEvent> pending(AgentState next, String reason, Instant at) {
        pendingState = next;
        pendingReasonCode = next == AgentState.NotReady ? reason : null;
        return List.of(new AgentStateEvent(header(at), state, reasonCode, null, pendingState, pendingReasonCode, null));
    }

    /** The first call arrived: Busy. */
    void callStarted(Instant at, List<CtiEvent> out) {
        if (state != AgentState.Busy) moveTo(AgentState.Busy, null, at, out);
    }

    /** The last call left: after-call work for an ACD call with a wrap time, else the pending or idle state. */
    void callsEnded(boolean acd, Instant at, List<CtiEvent> out) {
        if (acd && wrapUpSeconds > 0) {
            moveTo(AgentState.AfterCallWork, null, at, out);
            return;
        }
        settle(at, out);
    }

    /** Wrap time is over (or there was none): the pending state, else what the pause says. */
    void settle(Instant at, List<CtiEvent> out) {
        AgentState next = pendingState != null ? pendingState : idleState();
        String reason = pendingState != null ? pendingReasonCode : pauseReason;
        pendingState = null;
        pendingReasonCode = null;
        moveTo(next, reason, at, out);
    }

    // ---- calls ----

    CallLeg legOf(DeskCall call) { return calls.size() > 1 ? CallLeg.OTHER : CallLeg.ONLY; }

    List<Action> actions(DeskCall call) {
        if (call.state == ConnectionState.Disconnected)
            return awaitingWrapUp.containsKey(call.callId.value()) ? List.of(Action.WRAP_UP) : List.of();
        return StateTables.v1().allowedActions(call.state, legOf(call)).stream().sorted(Comparator.naturalOrder()).toList();
    }

    CallStateEvent stateEvent(DeskCall call, Instant at, DisconnectCause cause) {
        call.lastActions = actions(call);
        return new CallStateEvent(header(at), call.state, call.callId, call.callId, call.callType, call.ani, call.dnis,
                call.otherDn, call.queue, null, null, null, call.callData, call.lastActions, cause, null);
    }

    List<Party> parties(DeskCall call) {
        return call.parties.entrySet().stream().map(p -> new Party(p.getKey(),
                p.getKey().equals(device) ? PartyRole.Agent : PartyRole.Customer, p.getValue())).toList();
    }

    PartyInfoEvent partyEvent(DeskCall call, Instant at) { return new PartyInfoEvent(header(at), call.callId, parties(call)); }

    /** A new call at this device: publishes its first state, and Busy if it is the first call. */
    void add(DeskCall call, Instant at, List<CtiEvent> out) {
        calls.put(call.callId.value(), call);
        call.parties.put(device, call.state);
        if (call.otherDn != null) call.parties.put(call.otherDn, ConnectionState.Established);
        awaitingWrapUp.clear(); // the next offer ends the wait for a wrap-up code (DESIGN section 3)
        out.add(stateEvent(call, at, null));
        refreshOthers(call, at, out);
        callStarted(at, out);
    }

    void change(DeskCall call, ConnectionState next, Instant at, List<CtiEvent> out) {
        if (call.state == next) return;
        call.state = next;
        call.parties.put(device, next);
        out.add(stateEvent(call, at, null));
    }

    /** Ends the call here with {@code cause}; an ACD call awaits its wrap-up code unless it never reached the agent. */
    void end(DeskCall call, DisconnectCause cause, Instant at, List<CtiEvent> out) {
        if (calls.remove(call.callId.value()) == null) return;
        call.state = ConnectionState.Disconnected;
        call.parties.remove(device);
        boolean wrap = call.acd && cause != DisconnectCause.NoAnswer && cause != DisconnectCause.Redirected
                && cause != DisconnectCause.Abandoned;
        if (wrap) awaitingWrapUp.put(call.callId.value(), new EndedCall(call.callId, call.callId, call.callType, call.queue,
                call.ani, at, cause, call.callData));
        out.add(stateEvent(call, at, cause));
        refreshOthers(call, at, out);
        if (calls.isEmpty()) callsEnded(wrap, at, out);
    }

    private void refreshOthers(DeskCall changed, Instant at, List<CtiEvent> out) {
        for (DeskCall call : calls.values())
            if (call != changed && !actions(call).equals(call.lastActions)) out.add(stateEvent(call, at, null));
    }

    DeskCall byLeg(String uniqueId) {
        if (uniqueId == null) return null;
        for (DeskCall call : calls.values()) if (uniqueId.equals(call.leg)) return call;
        return null;
    }

    // ---- checks before a request is sent ----

    /** The call at this device, or {@code OPENCTI_UNKNOWN_CALL} naming the calls that are here. */
    public String channelOf(CallId callId, Action action) {
        DeskCall call = calls.get(callId.value());
        if (call == null)
            throw new CtiException(ErrorCode.OPENCTI_UNKNOWN_CALL, "Unknown call '" + callId + "' at device " + device
                    + "; calls here: " + (calls.isEmpty() ? "none" : String.join(", ", calls.keySet())),
                    Map.of("callId", callId.value(), "device", device));
        StateTables.v1().checkCallAction(action, callId, call.state, legOf(call));
        if (call.channel == null)
            throw new CtiException(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, "Call " + callId + " has no channel at device "
                    + device + " yet; " + action + " needs the device's channel.", Map.of("callId", callId.value()));
        return call.channel;
    }

    /** The other party's channel of a call, for a Redirect; the call was checked by {@link #channelOf} first. */
    public String farChannelOf(CallId callId) {
        DeskCall call = calls.get(callId.value());
        if (call == null || call.farChannel == null)
            throw new CtiException(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, "Call " + callId + " at device " + device
                    + " has no other party's channel to redirect.", Map.of("callId", callId.value()));
        return call.farChannel;
    }

    public ConnectionState stateOf(CallId callId) {
        DeskCall call = calls.get(callId.value());
        return call == null ? null : call.state;
    }

    public void hangUpRequested(CallId callId) {
        DeskCall call = calls.get(callId.value());
        if (call != null) call.hangUpRequested = true;
    }

    public boolean onCall() { return !calls.isEmpty(); }

    /** {@code wrapUp} forgets the ended call (the platform records the code); unknown ones are refused. */
    public void wrapUp(CallId callId) {
        if (awaitingWrapUp.remove(callId.value()) != null) return;
        if (calls.containsKey(callId.value())) channelOf(callId, Action.WRAP_UP);
        throw new CtiException(ErrorCode.OPENCTI_UNKNOWN_CALL, "No ended call '" + callId + "' awaits wrap-up at device "
                + device + "; awaiting: " + (awaitingWrapUp.isEmpty() ? "none" : String.join(", ", awaitingWrapUp.keySet())),
                Map.of("callId", callId.value(), "device", device));
    }

    public SnapshotEvent snapshot(Instant at, LinkState link) {
        List<CallSnapshot> current = new ArrayList<>();
        for (DeskCall call : calls.values())
            current.add(new CallSnapshot(call.callId, call.callId, call.callType, call.state, call.since, call.ani, call.dnis,
                    call.otherDn, call.queue, null, null, parties(call), call.callData, actions(call), null));
        AgentSnapshot agent = new AgentSnapshot(state, since, state == AgentState.NotReady ? reasonCode : null, pendingState,
                pendingState == null ? null : pendingReasonCode, null);
        return new SnapshotEvent(header(at), agent, true, link, current, List.copyOf(awaitingWrapUp.values()));
    }
}
