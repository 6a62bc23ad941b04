package org.opencti.connector.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.ErrorCode;
import org.opencti.model.QueueChange;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.QueueEvent;
import org.opencti.model.request.*;
import org.opencti.model.state.Action;
import org.opencti.model.state.CallLeg;
import org.opencti.model.state.StateTables;

/**
 * Table-driven: every call request the state tables forbid on a ringing, a talking and a held call is refused with
 * {@code OPENCTI_CF_INVALID_OBJECT_STATE}, publishes nothing and leaves the back end's call as it was. Also queue
 * monitoring for supervisors.
 */
public interface InvalidStateContract extends ContractSupport {

    /** One request of {@code action} on {@code call}; a second call id and numbers where the request needs them. */
    private CtiRequest requestFor(Action action, CallId call) {
        CallId other = new CallId(call.value() + "-other");
        String somewhere = extension(2);
        return switch (action) {
            case ANSWER_CALL -> new AnswerCall(call);
            case HANG_UP_CALL -> new HangUpCall(call);
            case HOLD_CALL -> new HoldCall(call);
            case RETRIEVE_CALL -> new RetrieveCall(call);
            case ALTERNATE_CALL -> new AlternateCall(call, other);
            case CONSULTATION_CALL -> new ConsultationCall(call, somewhere, null);
            case TRANSFER_INITIATE -> new TransferInitiate(call, somewhere, null);
            case TRANSFER_COMPLETE -> new TransferComplete(call, other);
            case BLIND_TRANSFER -> new BlindTransfer(call, somewhere, null);
            case CONFERENCE_INITIATE -> new ConferenceInitiate(call, somewhere, null);
            case CONFERENCE_COMPLETE -> new ConferenceComplete(call, other);
            case DROP_PARTY -> new DropParty(call, somewhere);
            case CANCEL_CONSULT -> new CancelConsult(call);
            case SEND_DTMF -> new SendDTMF(call, "1");
            case SET_CALL_DATA -> new SetCallData(call, Map.of("k", "v"));
            case WRAP_UP -> new WrapUp(call, "Resolved", null);
            case LOGIN, LOGOUT, AGENT_READY, AGENT_NOT_READY, MAKE_CALL ->
                    throw new IllegalArgumentException(action + " is not a call request");
        };
    }

    private void everyForbiddenRequestIsRefused(AgentId agent, CallStateEvent call) {
        Set<Action> allowed = StateTables.v1().allowedActions(call.name(), CallLeg.ONLY);
        List<Action> forbidden = new ArrayList<>();
        for (Action action : Action.values())
            if (action.scope() == Action.Scope.CALL && !allowed.contains(action) && connector().capabilities().contains(action))
                forbidden.add(action);
        FarSide.AgentTruth before = farSide().truth(extension(0));

        for (Action action : forbidden)
            refusedWith(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, agent, requestFor(action, call.callId()));

        assertThat(forbidden).isNotEmpty();
        assertThat(farSide().truth(extension(0))).isEqualTo(before);
    }

    @Test
    default void every_request_a_ringing_call_forbids_is_refused_and_changes_nothing() {
        requires(Action.LOGIN, Action.AGENT_READY);
        AgentId agent = ready(0);

        everyForbiddenRequestIsRefused(agent, offered(agent, farSide().answeringNumber(0)));
    }

    @Test
    default void every_request_a_talking_call_forbids_is_refused_and_changes_nothing() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL);
        AgentId agent = ready(0);

        everyForbiddenRequestIsRefused(agent, established(agent, farSide().answeringNumber(0)));
    }

    @Test
    default void every_request_a_held_call_forbids_is_refused_and_changes_nothing() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.HOLD_CALL);
        AgentId agent = ready(0);
        CallId call = established(agent, farSide().answeringNumber(0)).callId();
        int mark = events().mark();
        accepted(agent, new HoldCall(call));
        CallStateEvent held = (CallStateEvent) events().awaitSequence(mark, WAIT,
                ContractSupport.callState(agent, call, ConnectionState.Held)).getFirst();

        everyForbiddenRequestIsRefused(agent, held);
    }

    @Test
    default void a_monitored_queue_reports_a_call_queued_then_distributed() {
        requires(Action.LOGIN, Action.AGENT_READY);
        String queue = farSide().queueDnis(0);
        connector().monitorQueue(queue).toCompletableFuture().join();
        AgentId agent = loggedIn(0);
        int mark = events().mark();

        String callId = farSide().placeCustomerCall(farSide().answeringNumber(0), queue, CALL_DATA);
        QueueEvent queued = (QueueEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(QueueEvent.class,
                "CallQueued", e -> e.name() == QueueChange.CallQueued)).getFirst();
        accepted(agent, new AgentReady(null));

        assertThat(queued.callId().value()).isEqualTo(callId);
        assertThat(queued.waiting()).isEqualTo(1);
        assertThat(queued.device()).isEqualTo(queue);
        QueueEvent dequeued = (QueueEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(QueueEvent.class,
                "CallDequeued", e -> e.name() == QueueChange.CallDequeued)).getFirst();
        assertThat(dequeued.reason()).isEqualTo(org.opencti.model.DequeueReason.Distributed);
        assertThat(dequeued.waiting()).isZero();
    }
}
