package org.opencti.connector.csta.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.connector.csta.xml.CstaEvent;
import org.opencti.connector.csta.xml.CstaEvent.Connection;
import org.opencti.connector.csta.xml.CstaEvent.ConnectionListItem;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.ConsultPurpose;
import org.opencti.model.DisconnectCause;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallInfoEvent;
import org.opencti.model.event.CtiEvent;

/**
 * CSTA events to canonical events, for one agent's desk: the one place where ECMA-323 call and agent events
 * become OpenCTI's. The rules of DESIGN section 3 live here: a remote party holding or leaving changes
 * {@code parties} only; after a transfer or conference a remaining party whose call id changed gets a
 * {@code CallStateEvent} with {@code replacesCallId}; the transferring agent gets {@code Disconnected} with cause
 * {@code Transferred} for both legs; a FailedEvent and the clearing after it make one {@code Disconnected}.
 */
public final class EventMapping {
    private EventMapping() {}

    /** The canonical events {@code event} means at {@code desk}; updates the desk. Call with the desk's monitor held. */
    public static List<CtiEvent> apply(Desk desk, CstaEvent event, Instant at) {
        List<CtiEvent> out = new ArrayList<>();
        String me = desk.device;
        switch (event) {
            case CstaEvent.ServiceInitiated e -> {
                DeskCall call = callAt(desk, e.connection(), at, CallType.Outbound, ConnectionState.Initiated);
                if ("consultation".equals(e.cause())) linkConsultLeg(desk, call);
            }
            case CstaEvent.Originated e -> {
                DeskCall call = callAt(desk, e.connection(), at, CallType.Outbound, ConnectionState.Initiated);
                call.callType = desk.directory.typeOfOutgoing(e.calledDevice());
                call.ani = e.callingDevice() != null ? e.callingDevice() : me;
                call.dnis = e.calledDevice();
                call.otherDn = e.calledDevice();
                call.parties.putIfAbsent(me, ConnectionState.Initiated);
                if ("consultation".equals(e.cause()) && call.consultPurpose == null) linkConsultLeg(desk, call);
                out.add(desk.stateEvent(call, at, null, null));
                desk.refreshOthers(call, at, out);
            }
            case CstaEvent.Delivered e -> {
                if (me.equals(e.connection().deviceId())) offered(desk, e, at, out);
                else farEndRings(desk, e.connection(), e.callData(), at, out);
            }
            case CstaEvent.Established e -> {
                if (me.equals(e.connection().deviceId())) {
                    DeskCall call = desk.calls.get(e.connection().callId());
                    if (call == null) call = incoming(desk, e.connection().callId(), e.callingDevice(), e.calledDevice(),
                            e.lastRedirectionDevice(), e.cause(), e.callData(), at);
                    if (e.callingDevice() != null && !e.callingDevice().equals(me))
                        call.parties.put(e.callingDevice(), ConnectionState.Established);
                    call.parties.put(me, ConnectionState.Established);
                    if (!e.callData().isEmpty()) call.callData = new LinkedHashMap<>(e.callData());
                    moveTo(desk, call, ConnectionState.Established, at, out);
                } else {
                    DeskCall call = desk.calls.get(e.connection().callId());
                    if (call == null) break;
                    if (!e.callData().isEmpty()) call.callData = new LinkedHashMap<>(e.callData());
                    call.parties.put(e.connection().deviceId(), ConnectionState.Established);
                    if (call.state == ConnectionState.Initiated || call.state == ConnectionState.Alerting)
                        moveTo(desk, call, ConnectionState.Established, at, out);
                    else out.add(desk.partyEvent(call, at));
                }
            }
            case CstaEvent.Held e -> {
                DeskCall call = desk.calls.get(e.connection().callId());
                if (call == null) break;
                call.parties.put(e.connection().deviceId(), ConnectionState.Held);
                if (!me.equals(e.connection().deviceId())) {
                    out.add(desk.partyEvent(call, at));
                    break;
                }
                if ("consultation".equals(e.cause())) {
                    call.consultPurpose = call.requestedPurpose != null ? call.requestedPurpose : ConsultPurpose.Consult;
                    call.consultLeg = false;
                    call.awaitingConsultLeg = true;
                }
                moveTo(desk, call, ConnectionState.Held, at, out);
            }
            case CstaEvent.Retrieved e -> {
                DeskCall call = desk.calls.get(e.connection().callId());
                if (call == null) break;
                call.parties.put(e.connection().deviceId(), ConnectionState.Established);
                if (me.equals(e.connection().deviceId())) moveTo(desk, call, ConnectionState.Established, at, out);
                else out.add(desk.partyEvent(call, at));
            }
            case CstaEvent.ConnectionCleared e -> {
                DeskCall call = desk.calls.get(e.connection().callId());
                if (call == null) break;
                if (me.equals(e.connection().deviceId())) {
                    desk.end(call, clearingCause(call, e.cause()), at, out);
                } else {
                    call.parties.remove(e.connection().deviceId());
                    call.remoteLeft = true;
                    // In a two-party call the switch clears us next; a PartyInfo first would only be noise.
                    if (call.parties.size() >= 2) out.add(desk.partyEvent(call, at));
                }
            }
            case CstaEvent.CallCleared e -> {
                DeskCall call = desk.calls.get(e.callId());
                if (call != null) desk.end(call, clearingCause(call, e.cause()), at, out);
            }
            case CstaEvent.Transferred e -> transferred(desk, e, at, out);
            case CstaEvent.Conferenced e -> conferenced(desk, e, at, out);
            case CstaEvent.Diverted e -> {
                DeskCall call = desk.calls.get(e.connection().callId());
                if (call == null) break;
                if (me.equals(e.connection().deviceId())) {
                    desk.end(call, "callNotAnswered".equals(e.cause()) ? DisconnectCause.NoAnswer : DisconnectCause.Redirected, at, out);
                } else {
                    call.parties.remove(e.connection().deviceId());
                    if (e.newDestination() != null) call.parties.put(e.newDestination(), ConnectionState.Offering);
                    if (!desk.directory.isQueue(e.newDestination())) out.add(desk.partyEvent(call, at));
                }
            }
            case CstaEvent.Failed e -> {
                DeskCall call = desk.calls.get(e.connection().callId());
                if (call != null) call.failure = switch (e.cause() == null ? "" : e.cause()) {
                    case "busy" -> DisconnectCause.Busy;
                    case "callNotAnswered", "noAnswer" -> DisconnectCause.NoAnswer;
                    case "callRejected", "rejected" -> DisconnectCause.Rejected;
                    default -> DisconnectCause.Failed;
                };
            }
            case CstaEvent.Queued e -> {
                desk.directory.queueSeen(e.queue());
                DeskCall call = desk.calls.get(e.connection().callId());
                if (call != null && call.state == ConnectionState.Initiated) moveTo(desk, call, ConnectionState.Alerting, at, out);
            }
            case CstaEvent.CallInformation e -> {
                DeskCall call = desk.calls.get(e.connection().callId());
                if (call == null) break;
                call.callData = new LinkedHashMap<>(e.callData());
                out.add(new CallInfoEvent(desk.header(at), call.callId, call.callData, null));
            }
            case CstaEvent.AgentChanged e -> agentChanged(desk, e, at, out);
        }
        return out;
    }

    private static DeskCall callAt(Desk desk, Connection connection, Instant at, CallType type, ConnectionState state) {
        return desk.calls.computeIfAbsent(connection.callId(), id -> {
            DeskCall call = new DeskCall(new CallId(id), desk.directory.conversationOf(id), type, state, at);
            call.parties.put(desk.device, state);
            return call;
        });
    }

    /** The consult leg just made at this device belongs to the held call that awaits it. */
    private static void linkConsultLeg(Desk desk, DeskCall leg) {
        for (DeskCall primary : desk.calls.values()) {
            if (primary == leg || !primary.awaitingConsultLeg) continue;
            primary.awaitingConsultLeg = false;
            primary.relatedCallId = leg.callId;
            leg.relatedCallId = primary.callId;
            leg.consultPurpose = primary.consultPurpose;
            leg.consultLeg = true;
            leg.conversationId = primary.conversationId;
            desk.directory.linkConversation(leg.callId.value(), primary.conversationId);
            return;
        }
    }

    private static void offered(Desk desk, CstaEvent.Delivered e, Instant at, List<CtiEvent> out) {
        DeskCall call = desk.calls.get(e.connection().callId());
        if (call != null && call.state == ConnectionState.Offering && call.published) {
            if (!e.callData().isEmpty()) call.callData = new LinkedHashMap<>(e.callData());
            return;
        }
        desk.awaitingWrapUp.clear(); // the next offer ends the wait for the previous call's wrap-up
        if (call == null) call = incoming(desk, e.connection().callId(), e.callingDevice(), e.calledDevice(),
                e.lastRedirectionDevice(), e.cause(), e.callData(), at);
        moveTo(desk, call, ConnectionState.Offering, at, out);
    }

    private static DeskCall incoming(Desk desk, String callId, String calling, String called, String lastRedirection,
                                     String cause, Map<String, String> callData, Instant at) {
        Directory directory = desk.directory;
        boolean acd = "distributed".equals(cause);
        if (acd) directory.queueSeen(lastRedirection);
        CallType type = "consultation".equals(cause) ? CallType.Consult : directory.typeOfIncoming(calling);
        DeskCall call = new DeskCall(new CallId(callId), directory.conversationOf(callId), type, ConnectionState.Offering, at);
        call.acd = acd;
        call.ani = calling;
        call.dnis = called;
        call.otherDn = calling;
        call.queue = acd ? directory.queueName(lastRedirection) : directory.isQueue(called) ? directory.queueName(called) : null;
        call.callData = new LinkedHashMap<>(callData);
        if (calling != null && !calling.equals(desk.device)) call.parties.put(calling, ConnectionState.Established);
        call.parties.put(desk.device, ConnectionState.Offering);
        desk.calls.put(callId, call);
        return call;
    }

    private static void farEndRings(Desk desk, Connection connection, Map<String, String> callData, Instant at, List<CtiEvent> out) {
        DeskCall call = desk.calls.get(connection.callId());
        if (call == null) return;
        if (!callData.isEmpty()) call.callData = new LinkedHashMap<>(callData);
        call.parties.put(connection.deviceId(), ConnectionState.Offering);
        if (call.state == ConnectionState.Initiated) moveTo(desk, call, ConnectionState.Alerting, at, out);
        else out.add(desk.partyEvent(call, at));
    }

    private static void moveTo(Desk desk, DeskCall call, ConnectionState state, Instant at, List<CtiEvent> out) {
        if (call.state != state) call.since = at;
        call.state = state;
        // parties hold connection states: while the far end rings, our own connection is already connected.
        call.parties.put(desk.device, state == ConnectionState.Alerting ? ConnectionState.Established : state);
        out.add(desk.stateEvent(call, at, null, null));
        desk.refreshOthers(call, at, out);
    }

    /** Why our connection was cleared, from what we saw before and the CSTA cause. */
    private static DisconnectCause clearingCause(DeskCall call, String cause) {
        if (call.failure != null) return call.failure;
        switch (cause == null ? "" : cause) {
            case "busy" -> { return DisconnectCause.Busy; }
            case "callNotAnswered", "noAnswer" -> { return DisconnectCause.NoAnswer; }
            case "redirected" -> { return DisconnectCause.Redirected; }
            case "transfer", "singleStepTransfer" -> { return DisconnectCause.Transferred; }
            case "callRejected" -> { return DisconnectCause.Rejected; }
            default -> { /* normalClearing and the like: decided below */ }
        }
        if (call.hangUpRequested) return call.state == ConnectionState.Offering ? DisconnectCause.Rejected : DisconnectCause.Normal;
        if (call.remoteLeft) return call.state == ConnectionState.Offering ? DisconnectCause.Abandoned : DisconnectCause.RemoteHangup;
        return DisconnectCause.Normal;
    }

    private static void transferred(Desk desk, CstaEvent.Transferred e, Instant at, List<CtiEvent> out) {
        if (desk.device.equals(e.transferringDevice())) {
            // Both legs leave together: take both off the device first, so neither is re-announced in between.
            List<DeskCall> legs = new ArrayList<>();
            for (Connection old : new Connection[] {e.primaryOldCall(), e.secondaryOldCall()}) {
                DeskCall call = old == null ? null : desk.calls.remove(old.callId());
                if (call != null) legs.add(call);
            }
            for (DeskCall leg : legs) {
                unlink(leg);
                desk.calls.put(leg.callId.value(), leg);
                desk.end(leg, DisconnectCause.Transferred, at, out);
            }
            return;
        }
        rejoined(desk, e.connections(), e.localState(), e.callData(), at, out);
    }

    private static void conferenced(Desk desk, CstaEvent.Conferenced e, Instant at, List<CtiEvent> out) {
        if (desk.device.equals(e.conferencingDevice()) && e.primaryOldCall() != null && e.secondaryOldCall() != null) {
            DeskCall primary = desk.calls.get(e.primaryOldCall().callId());
            DeskCall secondary = desk.calls.remove(e.secondaryOldCall().callId());
            if (primary != null && secondary != null) {
                // Our consult leg merged into the primary call: one event with replacesCallId, no Disconnected for it.
                unlink(primary);
                primary.parties = partiesOf(e.connections(), desk.device, ConnectionState.Established);
                if (!e.callData().isEmpty()) primary.callData = new LinkedHashMap<>(e.callData());
                primary.state = ConnectionState.Established;
                primary.since = at;
                out.add(desk.stateEvent(primary, at, null, secondary.callId));
                out.add(desk.partyEvent(primary, at));
                desk.refreshOthers(primary, at, out);
                return;
            }
            if (secondary != null) desk.calls.put(secondary.callId.value(), secondary);
        }
        rejoined(desk, e.connections(), e.localState(), e.callData(), at, out);
    }

    /** After a transfer or conference: our connection may now belong to another call id. */
    private static void rejoined(Desk desk, List<ConnectionListItem> items, String localState, Map<String, String> callData,
                                 Instant at, List<CtiEvent> out) {
        for (ConnectionListItem item : items) {
            String endpoint = item.endpoint() != null ? item.endpoint() : item.newConnection() == null ? null : item.newConnection().deviceId();
            if (!desk.device.equals(endpoint) || item.newConnection() == null) continue;
            String newId = item.newConnection().callId();
            DeskCall call = item.oldConnection() == null ? desk.calls.get(newId) : desk.calls.get(item.oldConnection().callId());
            if (call == null) return; // not ours yet: a DeliveredEvent will introduce it
            ConnectionState state = CstaStates.local(localState, call.state);
            Map<String, ConnectionState> parties = partiesOf(items, desk.device, state);
            if (!callData.isEmpty()) call.callData = new LinkedHashMap<>(callData);
            if (newId.equals(call.callId.value())) {
                call.parties = parties;
                out.add(desk.partyEvent(call, at));
                return;
            }
            CallId replaced = call.callId;
            desk.calls.remove(replaced.value());
            unlink(call);
            call.callId = new CallId(newId);
            call.conversationId = desk.directory.conversationOf(newId);
            call.parties = parties;
            call.otherDn = call.firstOther(desk.device);
            if (call.callType == CallType.Consult) {
                // The consult leg became the conversation itself: it now comes from the party we are joined with.
                call.callType = desk.directory.typeOfIncoming(call.otherDn);
                call.ani = call.otherDn;
            }
            call.state = state;
            desk.calls.put(newId, call);
            out.add(desk.stateEvent(call, at, null, replaced));
            out.add(desk.partyEvent(call, at));
            desk.refreshOthers(call, at, out);
            return;
        }
    }

    private static void unlink(DeskCall call) {
        call.relatedCallId = null;
        call.consultPurpose = null;
        call.awaitingConsultLeg = false;
    }

    private static Map<String, ConnectionState> partiesOf(List<ConnectionListItem> items, String me, ConnectionState mine) {
        Map<String, ConnectionState> parties = new LinkedHashMap<>();
        for (ConnectionListItem item : items) {
            String dn = item.endpoint() != null ? item.endpoint() : item.newConnection() == null ? null : item.newConnection().deviceId();
            if (dn != null) parties.put(dn, dn.equals(me) ? mine : ConnectionState.Established);
        }
        parties.putIfAbsent(me, mine);
        return parties;
    }

    private static void agentChanged(Desk desk, CstaEvent.AgentChanged e, Instant at, List<CtiEvent> out) {
        AgentState state = switch (e.kind()) {
            case LOGGED_ON -> null; // the switch follows with AgentNotReady (reason login): that is the event
            case LOGGED_OFF -> AgentState.LoggedOut;
            case READY -> AgentState.Ready;
            case NOT_READY -> AgentState.NotReady;
            case BUSY -> AgentState.Busy;
            case WORKING_AFTER_CALL -> AgentState.AfterCallWork;
        };
        if (state == null) return;
        String reason = state == AgentState.NotReady ? (e.reasonCode() != null ? e.reasonCode() : "unspecified") : null;
        AgentState pending = CstaStates.agent(e.pendingAgentState());
        String pendingReason = pending == null ? null : e.pendingReasonCode();
        if (state == desk.agentState && java.util.Objects.equals(reason, desk.reasonCode) && pending == desk.pendingState
                && java.util.Objects.equals(pendingReason, desk.pendingReasonCode)) return;
        AgentState previous = desk.agentState;
        if (state != previous) desk.agentSince = at;
        desk.agentState = state;
        desk.reasonCode = reason;
        desk.pendingState = pending;
        desk.pendingReasonCode = pendingReason;
        out.add(new AgentStateEvent(desk.header(at), state, reason, previous, pending, pendingReason, null));
    }

    /** Publishes a pending state the switch reported in a SetAgentStateResponse (no event carries it yet). */
    public static List<CtiEvent> pending(Desk desk, AgentState pending, String pendingReason, Instant at) {
        if (pending == desk.pendingState && java.util.Objects.equals(pendingReason, desk.pendingReasonCode)) return List.of();
        desk.pendingState = pending;
        desk.pendingReasonCode = pending == null ? null : pendingReason;
        return List.of(new AgentStateEvent(desk.header(at), desk.agentState,
                desk.agentState == AgentState.NotReady ? desk.reasonCode : null, desk.agentState, pending, desk.pendingReasonCode, null));
    }
}
