package org.opencti.connector.csta.mapping;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.ConsultPurpose;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.request.*;
import org.opencti.model.state.Action;
import org.opencti.model.state.AgentOutcome;
import org.opencti.model.state.StateTables;

/**
 * Canonical requests to CSTA services, the one place that knows which service does what. Every check that can be
 * made locally is made here, before anything is sent: the call is known at the device, its state and leg allow the
 * request (the state tables), and the arguments fit CSTA (a dialable destination, DTMF digits the switch accepts).
 */
public final class RequestMapping {
    /** Digits with an optional leading '+', or a feature code starting with '*' or '#'. */
    static final Pattern DIALABLE = Pattern.compile("\\+?[0-9]{1,32}|[*#][0-9*#]{1,31}");
    static final Pattern CSTA_DTMF = Pattern.compile("[0-9*#A-D]{1,32}");

    private RequestMapping() {}

    /** What executing a request takes. */
    public sealed interface Plan {
        /** Send this service; the response accepts the request. */
        record Send(CstaRequest request) implements Plan {}

        /** Nothing to send: already done (asking for the current state), or local only ({@code wrapUp}). */
        record Done() implements Plan {}
    }

    /** The plan for {@code request} at {@code desk}; refuses with a {@link CtiException} before anything is sent. */
    public static Plan plan(Desk desk, CtiRequest request) {
        String me = desk.device;
        return switch (request) {
            case Login l -> throw new CtiException(ErrorCode.OPENCTI_AGENT_LOGGED_IN, "Agent " + desk.agentId
                    + " is already logged in at device " + me + "; log out first.", Map.of("device", me));
            case Logout l -> agent(desk, l, "loggedOff", l.reasonCode());
            case AgentReady r -> agent(desk, r, "ready", null);
            case AgentNotReady n -> n.reasonCode().equals(desk.reasonCode) && desk.agentState == AgentState.NotReady
                    ? new Plan.Done() : agent(desk, n, "notReady", n.reasonCode());
            case MakeCall m -> {
                if (!StateTables.v1().makeCallStates().contains(desk.agentState))
                    throw new CtiException(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, "Cannot makeCall: agent " + desk.agentId + " is " + desk.agentState);
                String to = dialable(m.destination());
                yield send("MakeCall", b -> b.text("callingDevice", me).text("calledDirectoryNumber", to)
                        .text("autoOriginate", "doNotPrompt").privateData(m.callData(), null));
            }
            case AnswerCall a -> call(desk, Action.ANSWER_CALL, a.callId(), "AnswerCall", "callToBeAnswered");
            case HangUpCall h -> {
                Plan plan = call(desk, Action.HANG_UP_CALL, h.callId(), "ClearConnection", "connectionToBeCleared");
                desk.hangUpRequested(h.callId()); // so the clearing that follows reads as ours (Normal), not the remote's
                yield plan;
            }
            case HoldCall h -> call(desk, Action.HOLD_CALL, h.callId(), "HoldCall", "callToBeHeld");
            case RetrieveCall r -> call(desk, Action.RETRIEVE_CALL, r.callId(), "RetrieveCall", "callToBeRetrieved");
            case AlternateCall a -> pair(desk, Action.ALTERNATE_CALL, a.heldCallId(), a.activeCallId(), "AlternateCall");
            case ConsultationCall c -> consult(desk, Action.CONSULTATION_CALL, c.callId(), c.destination(), c.callData(), ConsultPurpose.Consult);
            case TransferInitiate t -> consult(desk, Action.TRANSFER_INITIATE, t.callId(), t.destination(), t.callData(), ConsultPurpose.Transfer);
            case ConferenceInitiate c -> consult(desk, Action.CONFERENCE_INITIATE, c.callId(), c.destination(), c.callData(), ConsultPurpose.Conference);
            case TransferComplete t -> pair(desk, Action.TRANSFER_COMPLETE, t.heldCallId(), t.activeCallId(), "TransferCall");
            case ConferenceComplete c -> pair(desk, Action.CONFERENCE_COMPLETE, c.heldCallId(), c.activeCallId(), "ConferenceCall");
            case BlindTransfer t -> {
                DeskCall call = desk.check(Action.BLIND_TRANSFER, t.callId());
                String to = dialable(t.destination());
                String id = t.callId().value();
                yield call.state == ConnectionState.Offering
                        ? send("DeflectCall", b -> b.connection("callToBeDiverted", id, me).text("newDestination", to).privateData(t.callData(), null))
                        : send("SingleStepTransferCall", b -> b.connection("activeCall", id, me).text("transferredTo", to).privateData(t.callData(), null));
            }
            case DropParty d -> {
                DeskCall call = desk.check(Action.DROP_PARTY, d.callId());
                if (!call.parties.containsKey(d.dn()) || d.dn().equals(me))
                    throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "Cannot drop '" + d.dn() + "' from call " + d.callId()
                            + ": it is not another party of the call; parties: " + call.parties.keySet(), Map.of("callId", d.callId().value(), "dn", d.dn()));
                yield send("ClearConnection", b -> b.connection("connectionToBeCleared", d.callId().value(), d.dn()));
            }
            case CancelConsult c -> {
                DeskCall leg = desk.check(Action.CANCEL_CONSULT, c.consultCallId());
                CallId held = leg.relatedCallId;
                desk.hangUpRequested(c.consultCallId());
                yield send("ReconnectCall", b -> b.connection("heldCall", held.value(), me).connection("activeCall", c.consultCallId().value(), me));
            }
            case SendDTMF s -> {
                desk.check(Action.SEND_DTMF, s.callId());
                String digits = s.digits().toUpperCase(Locale.ROOT);
                if (!CSTA_DTMF.matcher(digits).matches())
                    throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "DTMF digits '" + s.digits() + "' cannot be sent over CSTA; expected 1 to 32 of 0-9, *, #, A-D",
                            Map.of("digits", s.digits()));
                yield send("GenerateDigits", b -> b.connection("connectionToSendDigits", s.callId().value(), me).text("charactersToSend", digits));
            }
            case SetCallData s -> {
                desk.check(Action.SET_CALL_DATA, s.callId());
                yield send("AssociateData", b -> b.connection("existingCall", s.callId().value(), me).privateData(s.data(), null));
            }
            case WrapUp w -> {
                desk.wrapUp(w.callId());
                yield new Plan.Done();
            }
        };
    }

    /** SetAgentState loggedOn with the password as hexBinary of its UTF-8 bytes, as the schema types it. */
    public static CstaRequest logOn(String device, String agentId, String password) {
        String hex = HexFormat.of().withUpperCase().formatHex(password.getBytes(StandardCharsets.UTF_8));
        return new CstaRequest("SetAgentState", "SetAgentState:loggedOn", b -> b.text("device", device)
                .text("requestedAgentState", "loggedOn").text("agentID", agentId).text("password", hex));
    }

    private static Plan agent(Desk desk, CtiRequest request, String requested, String reason) {
        return switch (StateTables.v1().agentOutcome(desk.agentState, request.action())) {
            case AgentOutcome.Refused r -> throw new CtiException(r.code(), "Cannot " + request.action() + ": agent "
                    + desk.agentId + " is " + desk.agentState, Map.of("state", desk.agentState.name()));
            case AgentOutcome.Same s -> new Plan.Done();
            case AgentOutcome.To t -> setAgentState(desk.device, requested, reason);
            case AgentOutcome.Pending p -> setAgentState(desk.device, requested, reason);
        };
    }

    private static Plan setAgentState(String device, String requested, String reason) {
        return send("SetAgentState", b -> b.text("device", device).text("requestedAgentState", requested).privateData(null, reason));
    }

    private static Plan call(Desk desk, Action action, CallId callId, String service, String element) {
        desk.check(action, callId);
        return send(service, b -> b.connection(element, callId.value(), desk.device));
    }

    private static Plan pair(Desk desk, Action action, CallId held, CallId active, String service) {
        desk.check(action, held);
        desk.check(action, active);
        if (desk.stateOf(held) != ConnectionState.Held)
            throw new CtiException(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, "Cannot " + action + ": call " + held
                    + " is " + desk.stateOf(held) + ", not Held", Map.of("callId", held.value()));
        return send(service, b -> b.connection("heldCall", held.value(), desk.device).connection("activeCall", active.value(), desk.device));
    }

    private static Plan consult(Desk desk, Action action, CallId callId, String destination, Map<String, String> callData,
                                ConsultPurpose purpose) {
        desk.check(action, callId);
        String to = dialable(destination);
        desk.consultRequested(callId, purpose);
        String options = switch (purpose) {
            case Consult -> "unrestricted";
            case Transfer -> "transferOnly";
            case Conference -> "conferenceOnly";
        };
        return send("ConsultationCall", b -> b.connection("existingCall", callId.value(), desk.device)
                .text("consultedDevice", to).text("consultOptions", options).privateData(callData, null));
    }

    /** The destination if a switch can dial it; else refused naming what is accepted. */
    public static String dialable(String destination) {
        if (destination != null && DIALABLE.matcher(destination).matches()) return destination;
        throw new CtiException(ErrorCode.OPENCTI_CF_INVALID_DESTINATION, "Destination '" + destination
                + "' cannot be dialled over CSTA; expected digits with an optional leading '+', or a feature code starting with '*' or '#'",
                Map.of("destination", String.valueOf(destination)));
    }

    private static Plan send(String service, java.util.function.Consumer<org.opencti.connector.csta.xml.XmlBuilder> body) {
        return new Plan.Send(CstaRequest.of(service, body));
    }
}
