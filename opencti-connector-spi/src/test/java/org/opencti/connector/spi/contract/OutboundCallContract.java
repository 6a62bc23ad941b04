package org.opencti.connector.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.connector.spi.contract.ContractSupport.assertAllowedActions;
import static org.opencti.connector.spi.contract.ContractSupport.callState;
import static org.opencti.connector.spi.contract.ContractSupport.disconnected;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.Party;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.PartyInfoEvent;
import org.opencti.model.request.AnswerCall;
import org.opencti.model.request.HoldCall;
import org.opencti.model.request.MakeCall;
import org.opencti.model.state.Action;
import org.opencti.model.state.CallLeg;

/** Calls the agent places: to outside numbers that answer, are busy or never answer, and to another agent. */
public interface OutboundCallContract extends ContractSupport {

    @Test
    default void makeCall_to_an_outside_number_goes_Initiated_Alerting_Established_under_one_call_id() {
        requires(Action.LOGIN, Action.MAKE_CALL);
        AgentId agent = loggedIn(0);
        String number = farSide().answeringNumber(1);
        int mark = events().mark();

        CallId call = accepted(agent, new MakeCall(number, CALL_DATA)).callId();
        events().awaitSequence(mark, WAIT, callState(agent, call, ConnectionState.Alerting));
        farSide().advanceTime(farSide().outsideRingTime().plusSeconds(1));

        List<CtiEvent> seen = events().awaitSequence(mark, WAIT, callState(agent, call, ConnectionState.Initiated),
                callState(agent, call, ConnectionState.Alerting), callState(agent, call, ConnectionState.Established));
        for (CtiEvent event : seen) {
            CallStateEvent state = (CallStateEvent) event;
            assertThat(state.callType()).isEqualTo(CallType.Outbound);
            assertThat(state.otherDn()).isEqualTo(number);
            assertThat(state.conversationId()).isEqualTo(call);
            assertAllowedActions(state, CallLeg.ONLY);
        }
        assertThat(((CallStateEvent) seen.get(2)).callData()).containsAllEntriesOf(CALL_DATA);
    }

    @Test
    default void makeCall_to_a_busy_number_ends_in_one_Disconnected_with_cause_Busy() {
        requires(Action.LOGIN, Action.MAKE_CALL);
        AgentId agent = loggedIn(0);
        int mark = events().mark();

        CallId call = accepted(agent, new MakeCall(farSide().busyNumber(), null)).callId();

        events().awaitSequence(mark, WAIT, disconnected(agent, call, DisconnectCause.Busy));
        assertThat(events().since(mark)).filteredOn(e -> e instanceof CallStateEvent c && c.name() == ConnectionState.Disconnected)
                .hasSize(1);
    }

    @Test
    default void makeCall_to_a_never_answering_number_ends_with_cause_NoAnswer() {
        requires(Action.LOGIN, Action.MAKE_CALL);
        AgentId agent = loggedIn(0);
        int mark = events().mark();
        CallId call = accepted(agent, new MakeCall(farSide().neverAnsweringNumber(), null)).callId();
        events().awaitSequence(mark, WAIT, callState(agent, call, ConnectionState.Alerting));

        farSide().advanceTime(farSide().noAnswerTimeout().plusSeconds(1));

        events().awaitSequence(mark, WAIT, disconnected(agent, call, DisconnectCause.NoAnswer));
    }

    @Test
    default void makeCall_to_an_unreachable_number_is_refused_with_CF_INVALID_DESTINATION() {
        requires(Action.LOGIN, Action.MAKE_CALL);
        AgentId agent = loggedIn(0);

        refusedWith(ErrorCode.OPENCTI_CF_INVALID_DESTINATION, agent, new MakeCall(farSide().unreachableNumber(), null));

        assertThat(farSide().truth(extension(0)).calls()).isEmpty();
    }

    @Test
    default void makeCall_to_another_agent_is_Internal_on_both_sides_and_carries_call_data() {
        requires(Action.LOGIN, Action.MAKE_CALL, Action.ANSWER_CALL);
        AgentId caller = loggedIn(0);
        AgentId called = loggedIn(1);
        int mark = events().mark();

        CallId call = accepted(caller, new MakeCall(extension(1), CALL_DATA)).callId();
        CallStateEvent offering = (CallStateEvent) events().awaitSequence(mark, WAIT,
                callState(called, call, ConnectionState.Offering)).getFirst();
        accepted(called, new AnswerCall(call));

        assertThat(offering.callType()).isEqualTo(CallType.Internal);
        assertThat(offering.ani()).isEqualTo(extension(0));
        assertThat(offering.callData()).containsAllEntriesOf(CALL_DATA);
        CallStateEvent established = (CallStateEvent) events().awaitSequence(mark, WAIT,
                callState(caller, call, ConnectionState.Alerting), callState(caller, call, ConnectionState.Established)).get(1);
        assertThat(established.callType()).isEqualTo(CallType.Internal);
        assertThat(established.otherDn()).isEqualTo(extension(1));
    }

    @Test
    default void a_remote_party_holding_changes_the_parties_never_this_agents_call_state() {
        requires(Action.LOGIN, Action.MAKE_CALL, Action.ANSWER_CALL, Action.HOLD_CALL);
        AgentId caller = loggedIn(0);
        AgentId called = loggedIn(1);
        int mark = events().mark();
        CallId call = accepted(caller, new MakeCall(extension(1), null)).callId();
        events().awaitSequence(mark, WAIT, callState(called, call, ConnectionState.Offering));
        accepted(called, new AnswerCall(call));
        events().awaitSequence(mark, WAIT, callState(caller, call, ConnectionState.Established));
        events().awaitSequence(mark, WAIT, callState(called, call, ConnectionState.Established));
        int held = events().mark();

        accepted(called, new HoldCall(call));

        PartyInfoEvent parties = (PartyInfoEvent) events().awaitSequence(held, WAIT, EventRecorder.expect(PartyInfoEvent.class,
                "of " + caller + " with " + extension(1) + " Held", e -> caller.equals(e.agentId())
                        && e.parties().stream().anyMatch(p -> p.dn().equals(extension(1)) && p.state() == ConnectionState.Held))).getFirst();
        assertThat(parties.callId()).isEqualTo(call);
        assertThat(parties.parties()).extracting(Party::dn).contains(extension(0), extension(1));
        events().assertNone(held, callState(caller, call, ConnectionState.Held));
    }
}
