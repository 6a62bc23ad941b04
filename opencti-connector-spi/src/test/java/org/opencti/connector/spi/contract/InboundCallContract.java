package org.opencti.connector.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.connector.spi.contract.ContractSupport.agentState;
import static org.opencti.connector.spi.contract.ContractSupport.assertAllowedActions;
import static org.opencti.connector.spi.contract.ContractSupport.callState;
import static org.opencti.connector.spi.contract.ContractSupport.disconnected;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallInfoEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.request.AnswerCall;
import org.opencti.model.request.HangUpCall;
import org.opencti.model.request.HoldCall;
import org.opencti.model.request.RetrieveCall;
import org.opencti.model.request.SendDTMF;
import org.opencti.model.request.SetCallData;
import org.opencti.model.request.WrapUp;
import org.opencti.model.state.Action;
import org.opencti.model.state.CallLeg;

/** An inbound ACD call at one agent: offer, answer, hold, hang up, wrap-up, and the refusals on the way. */
public interface InboundCallContract extends ContractSupport {

    @Test
    default void an_acd_call_is_offered_with_ani_dnis_queue_call_data_and_the_tables_actions() {
        requires(Action.LOGIN, Action.AGENT_READY);
        AgentId agent = ready(0);
        String customer = farSide().answeringNumber(0);
        int mark = events().mark();

        CallStateEvent offering = offered(agent, customer);

        assertThat(offering.callType()).isEqualTo(CallType.Inbound);
        assertThat(offering.ani()).isEqualTo(customer);
        assertThat(offering.dnis()).isEqualTo(farSide().queueDnis(0));
        assertThat(offering.queue()).isNotNull();
        assertThat(offering.conversationId()).isEqualTo(offering.callId());
        assertThat(offering.callData()).containsAllEntriesOf(CALL_DATA);
        assertAllowedActions(offering, CallLeg.ONLY);
        events().awaitSequence(mark, WAIT, agentState(agent, AgentState.Busy));
    }

    @Test
    default void answering_establishes_the_call_under_the_same_id() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL);
        AgentId agent = ready(0);
        CallStateEvent offering = offered(agent, farSide().answeringNumber(0));

        CallStateEvent established = established(agent, offering);

        assertThat(established.conversationId()).isEqualTo(offering.callId());
        assertThat(established.callType()).isEqualTo(CallType.Inbound);
        assertAllowedActions(established, CallLeg.ONLY);
        assertThat(farSide().truth(extension(0)).calls()).extracting(FarSide.CallTruth::callId, FarSide.CallTruth::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(offering.callId().value(), ConnectionState.Established));
    }

    @Test
    default void hanging_up_disconnects_with_cause_Normal_then_after_call_work_then_Ready() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.HANG_UP_CALL);
        AgentId agent = ready(0);
        CallId call = established(agent, offered(agent, farSide().answeringNumber(0))).callId();
        int mark = events().mark();

        accepted(agent, new HangUpCall(call));

        CallStateEvent ended = (CallStateEvent) events().awaitSequence(mark, WAIT,
                disconnected(agent, call, DisconnectCause.Normal), agentState(agent, AgentState.AfterCallWork)).getFirst();
        assertThat(ended.allowedActions()).containsExactly(Action.WRAP_UP);
        int wrapping = events().mark();
        farSide().advanceTime(farSide().wrapTime().plusSeconds(1));
        events().awaitSequence(wrapping, WAIT, agentState(agent, AgentState.Ready));
    }

    @Test
    default void the_customer_hanging_up_disconnects_with_cause_RemoteHangup() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL);
        AgentId agent = ready(0);
        String customer = farSide().answeringNumber(0);
        CallId call = established(agent, offered(agent, customer)).callId();
        int mark = events().mark();

        farSide().outsideHangsUp(call.value(), customer);

        events().awaitSequence(mark, WAIT, disconnected(agent, call, DisconnectCause.RemoteHangup));
    }

    @Test
    default void the_customer_hanging_up_while_it_rings_disconnects_with_cause_Abandoned() {
        requires(Action.LOGIN, Action.AGENT_READY);
        AgentId agent = ready(0);
        String customer = farSide().answeringNumber(0);
        CallId call = offered(agent, customer).callId();
        int mark = events().mark();

        farSide().outsideHangsUp(call.value(), customer);

        events().awaitSequence(mark, WAIT, disconnected(agent, call, DisconnectCause.Abandoned));
    }

    @Test
    default void ring_no_answer_disconnects_with_NoAnswer_and_makes_the_agent_NotReady_RONA() {
        requires(Action.LOGIN, Action.AGENT_READY);
        AgentId agent = ready(0);
        CallId call = offered(agent, farSide().answeringNumber(0)).callId();
        int mark = events().mark();

        farSide().advanceTime(farSide().ringNoAnswer().plusSeconds(1));

        AgentStateEvent rona = (AgentStateEvent) events().awaitSequence(mark, WAIT,
                disconnected(agent, call, DisconnectCause.NoAnswer), agentState(agent, AgentState.NotReady)).get(1);
        assertThat(rona.reasonCode()).isEqualTo("RONA");
    }

    @Test
    default void hold_then_retrieve_moves_the_call_between_Held_and_Established() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.HOLD_CALL, Action.RETRIEVE_CALL);
        AgentId agent = ready(0);
        CallId call = established(agent, offered(agent, farSide().answeringNumber(0))).callId();
        int mark = events().mark();

        accepted(agent, new HoldCall(call));
        CallStateEvent held = (CallStateEvent) events().awaitSequence(mark, WAIT, callState(agent, call, ConnectionState.Held)).getFirst();
        accepted(agent, new RetrieveCall(call));

        assertAllowedActions(held, CallLeg.ONLY);
        CallStateEvent back = (CallStateEvent) events().awaitSequence(mark, WAIT, callState(agent, call, ConnectionState.Held),
                callState(agent, call, ConnectionState.Established)).get(1);
        assertAllowedActions(back, CallLeg.ONLY);
        assertThat(back.callData()).containsAllEntriesOf(CALL_DATA);
    }

    @Test
    default void requests_a_ringing_call_does_not_allow_are_refused_with_INVALID_OBJECT_STATE() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.HOLD_CALL, Action.RETRIEVE_CALL, Action.SEND_DTMF);
        AgentId agent = ready(0);
        CallId call = offered(agent, farSide().answeringNumber(0)).callId();

        refusedWith(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, agent, new HoldCall(call));
        refusedWith(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, agent, new RetrieveCall(call));
        refusedWith(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, agent, new SendDTMF(call, "12"));

        assertThat(farSide().truth(extension(0)).calls()).extracting(FarSide.CallTruth::state).containsExactly(ConnectionState.Offering);
    }

    @Test
    default void answering_an_established_call_is_refused_with_INVALID_OBJECT_STATE() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL);
        AgentId agent = ready(0);
        CallId call = established(agent, offered(agent, farSide().answeringNumber(0))).callId();

        refusedWith(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, agent, new AnswerCall(call));
    }

    @Test
    default void a_request_on_a_call_unknown_at_the_device_is_refused_with_UNKNOWN_CALL() {
        requires(Action.LOGIN, Action.ANSWER_CALL, Action.HANG_UP_CALL, Action.HOLD_CALL);
        AgentId agent = loggedIn(0);
        CallId unknown = new CallId("no-such-call-42");

        refusedWith(ErrorCode.OPENCTI_UNKNOWN_CALL, agent, new AnswerCall(unknown));
        refusedWith(ErrorCode.OPENCTI_UNKNOWN_CALL, agent, new HangUpCall(unknown));
        assertThat(refusedWith(ErrorCode.OPENCTI_UNKNOWN_CALL, agent, new HoldCall(unknown)).getMessage())
                .as("the message names the call").contains(unknown.value());
    }

    @Test
    default void sendDTMF_on_an_established_call_is_accepted_and_changes_no_state() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.SEND_DTMF);
        AgentId agent = ready(0);
        CallId call = established(agent, offered(agent, farSide().answeringNumber(0))).callId();
        int mark = events().mark();

        accepted(agent, new SendDTMF(call, "12#"));

        events().assertNone(mark, callState(agent, call, ConnectionState.Disconnected));
        assertThat(farSide().truth(extension(0)).calls()).extracting(FarSide.CallTruth::state).containsExactly(ConnectionState.Established);
    }

    @Test
    default void setCallData_publishes_CallInfo_with_the_merged_data() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.SET_CALL_DATA);
        AgentId agent = ready(0);
        CallId call = established(agent, offered(agent, farSide().answeringNumber(0))).callId();
        int mark = events().mark();

        accepted(agent, new SetCallData(call, Map.of("ticket", "T-42")));

        CallInfoEvent info = (CallInfoEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(CallInfoEvent.class,
                "for " + call, e -> agent.equals(e.agentId()) && e.callId().equals(call))).getFirst();
        assertThat(info.callData()).containsEntry("ticket", "T-42").containsAllEntriesOf(CALL_DATA);
    }

    @Test
    default void wrapUp_of_an_ended_acd_call_is_accepted_and_of_an_unknown_call_refused() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.HANG_UP_CALL, Action.WRAP_UP);
        AgentId agent = ready(0);
        CallId call = established(agent, offered(agent, farSide().answeringNumber(0))).callId();
        int mark = events().mark();
        accepted(agent, new HangUpCall(call));
        events().awaitSequence(mark, WAIT, disconnected(agent, call, DisconnectCause.Normal));
        int wrapped = events().mark();

        accepted(agent, new WrapUp(call, "Resolved", "fine"));

        events().assertNone(wrapped, callState(agent, call, ConnectionState.Disconnected));
        refusedWith(ErrorCode.OPENCTI_UNKNOWN_CALL, agent, new WrapUp(new CallId("no-such-call-42"), "Resolved", null));
    }

    /** The established event after answering {@code offering}. */
    private CallStateEvent established(AgentId agent, CallStateEvent offering) {
        int mark = events().mark();
        accepted(agent, new AnswerCall(offering.callId()));
        return (CallStateEvent) events().awaitSequence(mark, WAIT,
                callState(agent, offering.callId(), ConnectionState.Established)).getFirst();
    }
}
