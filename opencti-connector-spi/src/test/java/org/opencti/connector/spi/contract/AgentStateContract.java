package org.opencti.connector.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.request.AgentNotReady;
import org.opencti.model.request.AgentReady;
import org.opencti.model.request.HangUpCall;
import org.opencti.model.request.Login;
import org.opencti.model.request.Logout;
import org.opencti.model.request.MakeCall;
import org.opencti.model.state.Action;

/** Login, logout and agent states, as DESIGN section 3 and the state tables' agentRequests say. */
public interface AgentStateContract extends ContractSupport {

    @Test
    default void login_makes_the_agent_NotReady_with_reason_login_never_Ready() {
        requires(Action.LOGIN);
        AgentId agent = agentId(0);
        int mark = events().mark();

        accepted(agent, new Login(agent, farSide().agent(0).password(), extension(0), null));

        AgentStateEvent notReady = (AgentStateEvent) events().awaitSequence(mark, WAIT,
                ContractSupport.agentState(agent, AgentState.NotReady)).getFirst();
        assertThat(notReady.reasonCode()).isEqualTo("login");
        assertThat(notReady.device()).isEqualTo(extension(0));
        events().assertNone(mark, ContractSupport.agentState(agent, AgentState.Ready));
        assertThat(farSide().truth(extension(0)).state()).isEqualTo(AgentState.NotReady);
    }

    @Test
    default void login_with_a_wrong_password_is_refused_with_NOT_AUTHORIZED_and_publishes_nothing() {
        requires(Action.LOGIN);
        assumeTrue(farSide().checksAgentPasswords(), "the back end has no agent passwords");
        AgentId agent = agentId(0);

        refusedWith(ErrorCode.OPENCTI_NOT_AUTHORIZED, agent, new Login(agent, "wrong", extension(0), null));

        assertThat(farSide().truth(extension(0)).state()).isEqualTo(AgentState.LoggedOut);
    }

    @Test
    default void a_second_login_of_a_logged_in_agent_is_refused_with_AGENT_LOGGED_IN() {
        requires(Action.LOGIN);
        AgentId agent = loggedIn(0);

        refusedWith(ErrorCode.OPENCTI_AGENT_LOGGED_IN, agent, new Login(agent, farSide().agent(0).password(), extension(0), null));
    }

    @Test
    default void agentReady_moves_NotReady_to_Ready_with_previous_state() {
        requires(Action.LOGIN, Action.AGENT_READY);
        AgentId agent = loggedIn(0);
        int mark = events().mark();

        accepted(agent, new AgentReady(null));

        AgentStateEvent ready = (AgentStateEvent) events().awaitSequence(mark, WAIT,
                ContractSupport.agentState(agent, AgentState.Ready)).getFirst();
        assertThat(ready.previous()).isEqualTo(AgentState.NotReady);
        assertThat(farSide().truth(extension(0)).state()).isEqualTo(AgentState.Ready);
    }

    @Test
    default void asking_for_the_current_state_is_acknowledged_with_no_event() {
        requires(Action.LOGIN, Action.AGENT_READY);
        AgentId agent = ready(0);
        int mark = events().mark();

        accepted(agent, new AgentReady(null));

        events().assertNone(mark, EventRecorder.expect(AgentStateEvent.class, "of " + agent, e -> agent.equals(e.agentId())));
    }

    @Test
    default void agentNotReady_with_a_new_reason_publishes_NotReady_with_that_reason() {
        requires(Action.LOGIN, Action.AGENT_NOT_READY);
        AgentId agent = loggedIn(0);
        int mark = events().mark();

        accepted(agent, new AgentNotReady("Break", null));

        AgentStateEvent event = (AgentStateEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(
                AgentStateEvent.class, "NotReady Break", e -> e.name() == AgentState.NotReady && "Break".equals(e.reasonCode()))).getFirst();
        assertThat(event.agentId()).isEqualTo(agent);
        assertThat(farSide().truth(extension(0)).reasonCode()).isEqualTo("Break");
    }

    @Test
    default void logout_publishes_LoggedOut() {
        requires(Action.LOGIN, Action.LOGOUT);
        AgentId agent = loggedIn(0);
        int mark = events().mark();

        accepted(agent, new Logout(null));

        events().awaitSequence(mark, WAIT, ContractSupport.agentState(agent, AgentState.LoggedOut));
        assertThat(farSide().truth(extension(0)).state()).isEqualTo(AgentState.LoggedOut);
    }

    @Test
    default void agent_requests_before_login_are_refused_with_AGENT_NOT_LOGGED_IN() {
        requires(Action.AGENT_READY, Action.AGENT_NOT_READY, Action.LOGOUT, Action.MAKE_CALL);
        AgentId agent = agentId(0);

        refusedWith(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, agent, new AgentReady(null));
        refusedWith(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, agent, new AgentNotReady("Break", null));
        refusedWith(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, agent, new Logout(null));
        refusedWith(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, agent, new MakeCall(farSide().answeringNumber(0), null));
    }

    @Test
    default void notReady_asked_while_Busy_is_pending_and_applies_when_the_call_ends() {
        requires(Action.LOGIN, Action.AGENT_NOT_READY, Action.MAKE_CALL, Action.HANG_UP_CALL);
        AgentId agent = loggedIn(0);
        int mark = events().mark();
        CallId call = accepted(agent, new MakeCall(farSide().answeringNumber(0), null)).callId();
        events().awaitSequence(mark, WAIT, ContractSupport.agentState(agent, AgentState.Busy));
        int asked = events().mark();

        accepted(agent, new AgentNotReady("Lunch", null));

        AgentStateEvent pending = (AgentStateEvent) events().awaitSequence(asked, WAIT, EventRecorder.expect(
                AgentStateEvent.class, "with pendingState NotReady", e -> e.pendingState() == AgentState.NotReady)).getFirst();
        assertThat(pending.name()).isEqualTo(AgentState.Busy);
        assertThat(pending.pendingReasonCode()).isEqualTo("Lunch");
        assertThat(farSide().truth(extension(0)).pendingState()).isEqualTo(AgentState.NotReady);
        int hungUp = events().mark();
        accepted(agent, new HangUpCall(call));
        events().awaitSequence(hungUp, WAIT, ContractSupport.callState(agent, call, ConnectionState.Disconnected),
                EventRecorder.expect(AgentStateEvent.class, "NotReady Lunch",
                        e -> e.name() == AgentState.NotReady && "Lunch".equals(e.reasonCode())));
    }
}
