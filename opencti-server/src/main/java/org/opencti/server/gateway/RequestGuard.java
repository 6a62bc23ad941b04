package org.opencti.server.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.TelephonyMode;
import org.opencti.model.event.CallSnapshot;
import org.opencti.model.request.AgentNotReady;
import org.opencti.model.request.AgentReady;
import org.opencti.model.request.AlternateCall;
import org.opencti.model.request.AnswerCall;
import org.opencti.model.request.BlindTransfer;
import org.opencti.model.request.CancelConsult;
import org.opencti.model.request.ConferenceComplete;
import org.opencti.model.request.ConferenceInitiate;
import org.opencti.model.request.ConsultationCall;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.request.DropParty;
import org.opencti.model.request.HangUpCall;
import org.opencti.model.request.HoldCall;
import org.opencti.model.request.Login;
import org.opencti.model.request.Logout;
import org.opencti.model.request.MakeCall;
import org.opencti.model.request.RetrieveCall;
import org.opencti.model.request.SendDTMF;
import org.opencti.model.request.SetCallData;
import org.opencti.model.request.TransferComplete;
import org.opencti.model.request.TransferInitiate;
import org.opencti.model.request.WrapUp;
import org.opencti.model.state.Action;
import org.opencti.model.state.AgentOutcome;
import org.opencti.model.state.StateTables;
import org.opencti.server.desk.Desk;
import org.opencti.server.session.AgentSession;
import org.opencti.server.session.Sessions;

/**
 * Checks a logged-in agent's request before anything reaches a connector: the telephony mode allows it, every call
 * it names is on this agent's desk (another agent's call is {@code OPENCTI_NOT_AUTHORIZED}, an unknown one
 * {@code OPENCTI_UNKNOWN_CALL}), and the state tables allow it in the current agent or call state.
 */
final class RequestGuard {
    private static final Set<Action> SIMPLE = Set.of(Action.LOGIN, Action.LOGOUT);
    private static final Set<Action> SIMPLE_AGENT_STATE =
            Set.of(Action.LOGIN, Action.LOGOUT, Action.AGENT_READY, Action.AGENT_NOT_READY, Action.WRAP_UP);

    /** What the gateway does with a request that passed the checks. */
    enum Verdict {
        /** Send it to the connector. */
        EXECUTE,
        /** Already so: acknowledge with no event and send nothing. */
        ACKNOWLEDGE
    }

    private RequestGuard() {}

    static Verdict check(AgentSession session, CtiRequest request, Sessions sessions) {
        Action action = request.action();
        checkMode(session.mode(), action);
        Desk desk = session.desk();
        AgentId agent = session.user().id();
        return switch (request) {
            case Login r -> throw new CtiException(ErrorCode.OPENCTI_AGENT_LOGGED_IN, "Agent " + agent
                    + " is already logged in on this connection; log out first.");
            case Logout r -> agentRequest(desk, action, null);
            case AgentReady r -> agentRequest(desk, action, null);
            case AgentNotReady r -> agentRequest(desk, action, r.reasonCode());
            case MakeCall r -> {
                if (!StateTables.v1().makeCallStates().contains(desk.state()))
                    throw new CtiException(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, "Cannot makeCall: agent " + agent
                            + " is " + desk.state() + "; log in first.");
                yield Verdict.EXECUTE;
            }
            case AnswerCall r -> call(session, sessions, action, r.callId());
            case HangUpCall r -> call(session, sessions, action, r.callId());
            case HoldCall r -> call(session, sessions, action, r.callId());
            case RetrieveCall r -> call(session, sessions, action, r.callId());
            case AlternateCall r -> calls(session, sessions, action, r.heldCallId(), r.activeCallId());
            case ConsultationCall r -> call(session, sessions, action, r.callId());
            case TransferInitiate r -> call(session, sessions, action, r.callId());
            case TransferComplete r -> calls(session, sessions, action, r.heldCallId(), r.activeCallId());
            case BlindTransfer r -> call(session, sessions, action, r.callId());
            case ConferenceInitiate r -> call(session, sessions, action, r.callId());
            case ConferenceComplete r -> calls(session, sessions, action, r.heldCallId(), r.activeCallId());
            case DropParty r -> call(session, sessions, action, r.callId());
            case CancelConsult r -> call(session, sessions, action, r.consultCallId());
            case SendDTMF r -> call(session, sessions, action, r.callId());
            case SetCallData r -> call(session, sessions, action, r.callId());
            case WrapUp r -> {
                owned(session, sessions, r.callId());
                if (!desk.awaitsWrapUp(r.callId()))
                    throw new CtiException(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, "Cannot wrapUp call " + r.callId()
                            + ": it is not awaiting wrap-up (it is still " + desk.call(r.callId()).map(c -> c.state().name())
                            .orElse("unknown") + "); wrap up after the call ends.", Map.of("callId", r.callId().value()));
                yield Verdict.EXECUTE;
            }
        };
    }

    private static void checkMode(TelephonyMode mode, Action action) {
        Set<Action> allowed = switch (mode) {
            case SIMPLE -> SIMPLE;
            case SIMPLE_AGENT_STATE -> SIMPLE_AGENT_STATE;
            case FULL -> null;
        };
        if (allowed != null && !allowed.contains(action))
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, action + " is not available in telephony mode '"
                    + mode.wireName() + "'; it allows " + allowed.stream().map(Action::wireName).sorted().toList()
                    + " (log in with mode 'full' for call control).", Map.of("mode", mode.wireName(), "action", action.wireName()));
    }

    private static Verdict agentRequest(Desk desk, Action action, String reasonCode) {
        AgentOutcome outcome = StateTables.v1().agentOutcome(desk.state(), action);
        return switch (outcome) {
            case AgentOutcome.Refused(ErrorCode code) -> throw new CtiException(code, "Cannot " + action + ": the agent is "
                    + desk.state() + ".", Map.of("state", desk.state().name(), "action", action.wireName()));
            case AgentOutcome.Same() -> Verdict.ACKNOWLEDGE;
            case AgentOutcome.To(var state) -> Verdict.EXECUTE;
            case AgentOutcome.Pending(var state) -> Verdict.EXECUTE;
        };
    }

    private static Verdict call(AgentSession session, Sessions sessions, Action action, CallId callId) {
        CallSnapshot call = owned(session, sessions, callId);
        if (call == null)
            throw new CtiException(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, "Cannot " + action + " call " + callId
                    + ": it has ended and awaits wrap-up; it allows [wrapUp].", Map.of("callId", callId.value(), "state", "Disconnected"));
        if (!call.allowedActions().contains(action))
            throw new CtiException(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, "Cannot " + action + " call " + callId
                    + ": it is " + call.state() + "; it allows " + call.allowedActions().stream().map(Action::wireName).toList() + ".",
                    Map.of("callId", callId.value(), "state", call.state().name(), "action", action.wireName()));
        return Verdict.EXECUTE;
    }

    private static Verdict calls(AgentSession session, Sessions sessions, Action action, CallId held, CallId active) {
        for (CallId callId : List.of(held, active)) call(session, sessions, action, callId);
        return Verdict.EXECUTE;
    }

    private static CallSnapshot owned(AgentSession session, Sessions sessions, CallId callId) {
        Desk desk = session.desk();
        if (desk.knows(callId)) return desk.call(callId).orElse(null);
        AgentId me = session.user().id();
        sessions.holderOf(callId, me).ifPresent(other -> {
            throw new CtiException(ErrorCode.OPENCTI_NOT_AUTHORIZED, "Call " + callId + " is not at agent " + me
                    + "'s device " + desk.device() + "; an agent may act only on its own calls.", Map.of("callId", callId.value()));
        });
        throw new CtiException(ErrorCode.OPENCTI_UNKNOWN_CALL, "No call " + callId + " at device " + desk.device()
                + "; the calls there are " + desk.calls().stream().map(c -> c.callId().value()).toList() + ".",
                Map.of("callId", callId.value(), "device", desk.device()));
    }
}
