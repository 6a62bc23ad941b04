package org.opencti.model.state;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.ConsultPurpose;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencti.model.AgentState.AfterCallWork;
import static org.opencti.model.AgentState.Busy;
import static org.opencti.model.AgentState.LoggedOut;
import static org.opencti.model.AgentState.NotReady;
import static org.opencti.model.AgentState.Ready;
import static org.opencti.model.state.Action.AGENT_NOT_READY;
import static org.opencti.model.state.Action.AGENT_READY;
import static org.opencti.model.state.Action.LOGIN;
import static org.opencti.model.state.Action.LOGOUT;

/**
 * The state tables, pair by pair. The expectations below are the domain rules written independently of the
 * JSON file, so a wrong edit of {@code state-tables.json} fails here.
 */
class StateTablesTest {
    private static final StateTables TABLES = StateTables.v1();

    // Agent requests: every (state, request) pair with its expected outcome.
    static Stream<Arguments> agentPairs() {
        AgentOutcome same = new AgentOutcome.Same();
        Map<AgentState, Map<Action, AgentOutcome>> expected = Map.of(
                LoggedOut, Map.of(LOGIN, to(NotReady), LOGOUT, refused(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN),
                        AGENT_READY, refused(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN), AGENT_NOT_READY, refused(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN)),
                NotReady, Map.of(LOGIN, refused(ErrorCode.OPENCTI_AGENT_LOGGED_IN), LOGOUT, to(LoggedOut), AGENT_READY, to(Ready), AGENT_NOT_READY, to(NotReady)),
                Ready, Map.of(LOGIN, refused(ErrorCode.OPENCTI_AGENT_LOGGED_IN), LOGOUT, to(LoggedOut), AGENT_READY, same, AGENT_NOT_READY, to(NotReady)),
                Busy, Map.of(LOGIN, refused(ErrorCode.OPENCTI_AGENT_LOGGED_IN), LOGOUT, pending(LoggedOut), AGENT_READY, pending(Ready), AGENT_NOT_READY, pending(NotReady)),
                AfterCallWork, Map.of(LOGIN, refused(ErrorCode.OPENCTI_AGENT_LOGGED_IN), LOGOUT, to(LoggedOut), AGENT_READY, to(Ready), AGENT_NOT_READY, to(NotReady)));
        List<Arguments> pairs = new ArrayList<>();
        for (AgentState state : AgentState.values())
            for (Action action : List.of(LOGIN, LOGOUT, AGENT_READY, AGENT_NOT_READY))
                pairs.add(Arguments.of(state, action, expected.get(state).get(action)));
        return pairs.stream();
    }

    @ParameterizedTest(name = "{1} while {0} -> {2}")
    @MethodSource("agentPairs")
    void an_agent_request_has_the_expected_outcome_in_every_agent_state(AgentState state, Action action, AgentOutcome expected) {
        assertThat(TABLES.agentOutcome(state, action)).isEqualTo(expected);
    }

    @Test
    void a_logged_in_agent_is_never_made_ready_by_login_and_may_always_log_out_eventually() {
        assertThat(TABLES.agentOutcome(LoggedOut, LOGIN)).isEqualTo(to(NotReady));
        for (AgentState state : EnumSet.complementOf(EnumSet.of(LoggedOut)))
            assertThat(TABLES.agentOutcome(state, LOGOUT)).isIn(to(LoggedOut), pending(LoggedOut));
    }

    @Test
    void every_agent_request_outcome_is_a_transition_the_table_allows() {
        for (AgentState state : AgentState.values())
            for (Action action : List.of(LOGIN, LOGOUT, AGENT_READY, AGENT_NOT_READY))
                if (TABLES.agentOutcome(state, action) instanceof AgentOutcome.To(AgentState target))
                    assertThat(TABLES.agentTransitionAllowed(state, target)).as(state + " -> " + target).isTrue();
    }

    // Call actions: every (connection state, leg) row, and for each row every action, against the domain rules.
    static Stream<Arguments> callPairs() {
        List<CallLeg> legs = new ArrayList<>(List.of(CallLeg.ONLY, CallLeg.OTHER));
        for (ConsultPurpose purpose : ConsultPurpose.values()) {
            legs.add(CallLeg.primary(purpose));
            legs.add(CallLeg.consult(purpose));
        }
        List<Arguments> pairs = new ArrayList<>();
        for (ConnectionState state : ConnectionState.values())
            for (CallLeg leg : legs)
                for (Action action : Action.values())
                    if (action.scope() == Action.Scope.CALL) pairs.add(Arguments.of(state, leg.key(), leg, action));
        return pairs.stream();
    }

    @ParameterizedTest(name = "{3} on {0}/{1}")
    @MethodSource("callPairs")
    void a_call_action_is_allowed_exactly_where_the_domain_rules_say(ConnectionState state, String legKey, CallLeg leg, Action action) {
        assertThat(TABLES.allowedActions(state, leg).contains(action)).isEqualTo(expectedAllowed(state, leg, action));
    }

    /** The domain rules, written out independently of the JSON table. */
    private static boolean expectedAllowed(ConnectionState state, CallLeg leg, Action action) {
        boolean lone = leg.kind() == CallLeg.Kind.ONLY || leg.kind() == CallLeg.Kind.OTHER;
        boolean consultRow = leg.kind() == CallLeg.Kind.CONSULT;
        boolean primaryRow = leg.kind() == CallLeg.Kind.PRIMARY;
        ConsultPurpose purpose = leg.purpose();
        boolean offersTransfer = purpose == ConsultPurpose.Consult || purpose == ConsultPurpose.Transfer;
        boolean offersConference = purpose == ConsultPurpose.Consult || purpose == ConsultPurpose.Conference;
        // A primary is held or (after alternating) established; a consult leg is dialled, ringing, talking or held.
        boolean rowExists = lone || (primaryRow && Set.of(ConnectionState.Held, ConnectionState.Established).contains(state))
                || (consultRow && Set.of(ConnectionState.Initiated, ConnectionState.Alerting, ConnectionState.Established, ConnectionState.Held).contains(state));
        if (!rowExists) return false;
        if (state == ConnectionState.Disconnected) return action == Action.WRAP_UP;
        boolean active = state == ConnectionState.Established;
        return switch (action) {
            case ANSWER_CALL -> state == ConnectionState.Offering;
            case HANG_UP_CALL, SET_CALL_DATA -> true;
            case HOLD_CALL -> active && lone;
            case RETRIEVE_CALL -> state == ConnectionState.Held && leg.kind() == CallLeg.Kind.ONLY;
            case ALTERNATE_CALL -> (leg.kind() == CallLeg.Kind.OTHER && (active || state == ConnectionState.Held))
                    || (!lone && (active || state == ConnectionState.Held));
            case CONSULTATION_CALL, TRANSFER_INITIATE, CONFERENCE_INITIATE -> active && leg.kind() == CallLeg.Kind.ONLY;
            case BLIND_TRANSFER -> lone && (state == ConnectionState.Offering || active);
            case DROP_PARTY -> active && lone;
            case SEND_DTMF -> active;
            case TRANSFER_COMPLETE -> !lone && offersTransfer && state != ConnectionState.Initiated;
            case CONFERENCE_COMPLETE -> !lone && offersConference && state != ConnectionState.Initiated
                    && !(consultRow && state == ConnectionState.Alerting);
            case CANCEL_CONSULT -> consultRow && state != ConnectionState.Held;
            case WRAP_UP -> false;
            case LOGIN, LOGOUT, AGENT_READY, AGENT_NOT_READY, MAKE_CALL -> false;
        };
    }

    @Test
    void an_action_refused_by_the_table_names_the_call_its_state_and_where_the_action_is_allowed() {
        assertThatThrownBy(() -> TABLES.checkCallAction(Action.HOLD_CALL, new CallId("c-42"), ConnectionState.Offering, CallLeg.ONLY))
                .isInstanceOf(CtiException.class)
                .hasMessage("Cannot holdCall call c-42: it is Offering; holdCall needs Established.")
                .satisfies(e -> assertThat(((CtiException) e).code()).isEqualTo(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE))
                .satisfies(e -> assertThat(((CtiException) e).details()).containsEntry("callId", "c-42").containsEntry("state", "Offering"));
    }

    @Test
    void make_call_needs_a_logged_in_agent() {
        assertThat(TABLES.makeCallStates()).containsExactlyInAnyOrder(NotReady, Ready, Busy, AfterCallWork);
    }

    private static AgentOutcome to(AgentState state) { return new AgentOutcome.To(state); }

    private static AgentOutcome pending(AgentState state) { return new AgentOutcome.Pending(state); }

    private static AgentOutcome refused(ErrorCode code) { return new AgentOutcome.Refused(code); }
}
