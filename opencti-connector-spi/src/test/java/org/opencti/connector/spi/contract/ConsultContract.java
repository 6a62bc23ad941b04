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
import org.opencti.model.ConsultPurpose;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.Party;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.PartyInfoEvent;
import org.opencti.model.request.AlternateCall;
import org.opencti.model.request.AnswerCall;
import org.opencti.model.request.BlindTransfer;
import org.opencti.model.request.CancelConsult;
import org.opencti.model.request.ConferenceComplete;
import org.opencti.model.request.ConferenceInitiate;
import org.opencti.model.request.ConsultationCall;
import org.opencti.model.request.DropParty;
import org.opencti.model.request.TransferComplete;
import org.opencti.model.request.TransferInitiate;
import org.opencti.model.state.Action;
import org.opencti.model.state.CallLeg;

/**
 * Consult, transfer and conference between agent A (index 0, on a customer call) and agent B (index 1, logged in
 * but NotReady so the ACD leaves it alone): call ids, {@code relatedCallId}, {@code replacesCallId},
 * {@code conversationId} and parties as DESIGN section 3 says.
 */
public interface ConsultContract extends ContractSupport {

    /** A's customer call and A's answered or ringing consult leg to B. */
    record Consult(AgentId a, AgentId b, String customer, CallId primary, CallId consult) {}

    private Consult consulting(ConsultPurpose purpose, boolean bAnswers) {
        AgentId a = ready(0);
        AgentId b = loggedIn(1);
        String customer = farSide().answeringNumber(0);
        CallId primary = established(a, customer).callId();
        int mark = events().mark();
        var request = switch (purpose) {
            case Consult -> new ConsultationCall(primary, extension(1), null);
            case Transfer -> new TransferInitiate(primary, extension(1), null);
            case Conference -> new ConferenceInitiate(primary, extension(1), null);
        };
        CallId consult = accepted(a, request).callId();
        events().awaitSequence(mark, WAIT, callState(b, consult, ConnectionState.Offering));
        events().awaitSequence(mark, WAIT, callState(a, consult, ConnectionState.Alerting));
        if (bAnswers) {
            accepted(b, new AnswerCall(consult));
            events().awaitSequence(mark, WAIT, callState(a, consult, ConnectionState.Established));
            events().awaitSequence(mark, WAIT, callState(b, consult, ConnectionState.Established));
        }
        return new Consult(a, b, customer, primary, consult);
    }

    @Test
    default void consultationCall_holds_the_call_and_links_the_consult_leg_to_it() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.CONSULTATION_CALL);
        AgentId a = ready(0);
        AgentId b = loggedIn(1);
        CallId primary = established(a, farSide().answeringNumber(0)).callId();
        int mark = events().mark();

        CallId consult = accepted(a, new ConsultationCall(primary, extension(1), null)).callId();

        List<CtiEvent> atA = events().awaitSequence(mark, WAIT, callState(a, primary, ConnectionState.Held),
                callState(a, consult, ConnectionState.Alerting));
        CallStateEvent held = (CallStateEvent) atA.get(0);
        CallStateEvent leg = (CallStateEvent) atA.get(1);
        assertThat(consult).isNotEqualTo(primary);
        assertAllowedActions(held, CallLeg.primary(ConsultPurpose.Consult));
        assertThat(leg.relatedCallId()).isEqualTo(primary);
        assertThat(leg.consultPurpose()).isEqualTo(ConsultPurpose.Consult);
        assertThat(leg.conversationId()).isEqualTo(primary);
        assertAllowedActions(leg, CallLeg.consult(ConsultPurpose.Consult));
        CallStateEvent atB = (CallStateEvent) events().awaitSequence(mark, WAIT, callState(b, consult, ConnectionState.Offering)).getFirst();
        assertThat(atB.callType()).isEqualTo(CallType.Consult);
        assertThat(atB.conversationId()).isEqualTo(primary);
        assertThat(atB.relatedCallId()).as("relatedCallId is for the consulting device only").isNull();
        assertThat(atB.callData()).as("call data is copied to the consult call").containsAllEntriesOf(CALL_DATA);
    }

    @Test
    default void transferComplete_leaves_both_legs_as_Transferred_and_B_keeps_the_conversation_under_the_primary_id() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.TRANSFER_INITIATE, Action.TRANSFER_COMPLETE);
        Consult c = consulting(ConsultPurpose.Transfer, true);
        int mark = events().mark();

        accepted(c.a(), new TransferComplete(c.primary(), c.consult()));

        events().awaitSequence(mark, WAIT, disconnected(c.a(), c.primary(), DisconnectCause.Transferred));
        events().awaitSequence(mark, WAIT, disconnected(c.a(), c.consult(), DisconnectCause.Transferred));
        CallStateEvent atB = (CallStateEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(CallStateEvent.class,
                "of B replacing " + c.consult(), e -> c.b().equals(e.agentId()) && c.consult().equals(e.replacesCallId()))).getFirst();
        assertThat(atB.callId()).isEqualTo(c.primary());
        assertThat(atB.conversationId()).isEqualTo(c.primary());
        assertThat(atB.name()).isEqualTo(ConnectionState.Established);
        assertThat(atB.callData()).containsAllEntriesOf(CALL_DATA);
        events().assertNone(mark, callState(c.b(), c.consult(), ConnectionState.Disconnected));
        FarSide.CallTruth truth = farSide().truth(extension(1)).calls().getFirst();
        assertThat(truth.callId()).isEqualTo(c.primary().value());
        assertThat(truth.parties().keySet()).containsExactlyInAnyOrder(c.customer(), extension(1));
    }

    @Test
    default void conferenceComplete_on_a_transfer_leg_is_refused_before_anything_changes() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.TRANSFER_INITIATE, Action.CONFERENCE_COMPLETE);
        Consult c = consulting(ConsultPurpose.Transfer, true);

        refusedWith(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, c.a(), new ConferenceComplete(c.primary(), c.consult()));

        assertThat(farSide().truth(extension(0)).calls()).extracting(FarSide.CallTruth::state)
                .containsExactly(ConnectionState.Held, ConnectionState.Established);
    }

    @Test
    default void conferenceComplete_joins_everyone_under_the_primary_id_with_three_parties() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.CONFERENCE_INITIATE, Action.CONFERENCE_COMPLETE);
        Consult c = consulting(ConsultPurpose.Conference, true);
        int mark = events().mark();

        accepted(c.a(), new ConferenceComplete(c.primary(), c.consult()));

        for (AgentId agent : List.of(c.a(), c.b())) {
            CallStateEvent joined = (CallStateEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(CallStateEvent.class,
                    "of " + agent + " replacing " + c.consult(), e -> agent.equals(e.agentId()) && c.consult().equals(e.replacesCallId()))).getFirst();
            assertThat(joined.callId()).isEqualTo(c.primary());
            assertThat(joined.conversationId()).isEqualTo(c.primary());
            assertThat(joined.name()).isEqualTo(ConnectionState.Established);
            PartyInfoEvent parties = (PartyInfoEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(PartyInfoEvent.class,
                    "of " + agent + " with three parties", e -> agent.equals(e.agentId()) && e.parties().size() == 3)).getFirst();
            assertThat(parties.parties()).extracting(Party::dn).containsExactlyInAnyOrder(c.customer(), extension(0), extension(1));
        }
        events().assertNone(mark, callState(c.a(), c.consult(), ConnectionState.Disconnected));
    }

    @Test
    default void dropParty_removes_one_party_and_the_others_see_only_parties_change() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.CONFERENCE_INITIATE, Action.CONFERENCE_COMPLETE,
                Action.DROP_PARTY);
        Consult c = consulting(ConsultPurpose.Conference, true);
        int joined = events().mark();
        accepted(c.a(), new ConferenceComplete(c.primary(), c.consult()));
        events().awaitSequence(joined, WAIT, EventRecorder.expect(PartyInfoEvent.class, "three parties at A",
                e -> c.a().equals(e.agentId()) && e.parties().size() == 3));
        int mark = events().mark();

        accepted(c.a(), new DropParty(c.primary(), c.customer()));

        PartyInfoEvent parties = (PartyInfoEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(PartyInfoEvent.class,
                "of A without the customer", e -> c.a().equals(e.agentId()) && e.parties().stream().noneMatch(p -> p.dn().equals(c.customer())))).getFirst();
        assertThat(parties.parties()).extracting(Party::dn).containsExactlyInAnyOrder(extension(0), extension(1));
        events().assertNone(mark, callState(c.a(), c.primary(), ConnectionState.Disconnected));
        events().assertNone(mark, callState(c.b(), c.primary(), ConnectionState.Disconnected));
    }

    @Test
    default void cancelConsult_ends_the_consult_leg_and_retrieves_the_held_call() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.CONSULTATION_CALL, Action.CANCEL_CONSULT);
        Consult c = consulting(ConsultPurpose.Consult, false);
        int mark = events().mark();

        accepted(c.a(), new CancelConsult(c.consult()));

        events().awaitSequence(mark, WAIT, disconnected(c.a(), c.consult(), DisconnectCause.Normal));
        CallStateEvent back = (CallStateEvent) events().awaitSequence(mark, WAIT,
                callState(c.a(), c.primary(), ConnectionState.Established)).getFirst();
        assertAllowedActions(back, CallLeg.ONLY);
        events().awaitSequence(mark, WAIT, callState(c.b(), c.consult(), ConnectionState.Disconnected));
    }

    @Test
    default void alternateCall_swaps_the_held_call_and_the_consult_leg() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.CONSULTATION_CALL, Action.ALTERNATE_CALL);
        Consult c = consulting(ConsultPurpose.Consult, true);
        int mark = events().mark();

        accepted(c.a(), new AlternateCall(c.primary(), c.consult()));

        CallStateEvent consultHeld = (CallStateEvent) events().awaitSequence(mark, WAIT, callState(c.a(), c.consult(), ConnectionState.Held)).getFirst();
        CallStateEvent primaryBack = (CallStateEvent) events().awaitSequence(mark, WAIT, callState(c.a(), c.primary(), ConnectionState.Established)).getFirst();
        assertAllowedActions(consultHeld, CallLeg.consult(ConsultPurpose.Consult));
        assertAllowedActions(primaryBack, CallLeg.primary(ConsultPurpose.Consult));
    }

    @Test
    default void blindTransfer_of_an_established_call_leaves_A_Transferred_and_offers_B_the_same_conversation() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.BLIND_TRANSFER);
        AgentId a = ready(0);
        AgentId b = loggedIn(1);
        CallId call = established(a, farSide().answeringNumber(0)).callId();
        int mark = events().mark();

        accepted(a, new BlindTransfer(call, extension(1), null));

        events().awaitSequence(mark, WAIT, disconnected(a, call, DisconnectCause.Transferred));
        CallStateEvent atB = (CallStateEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(CallStateEvent.class,
                "Offering at B", e -> b.equals(e.agentId()) && e.name() == ConnectionState.Offering)).getFirst();
        assertThat(atB.conversationId()).isEqualTo(call);
        assertThat(atB.callData()).containsAllEntriesOf(CALL_DATA);
    }

    @Test
    default void blindTransfer_of_a_ringing_call_leaves_A_Redirected_and_rings_B() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.BLIND_TRANSFER);
        AgentId a = ready(0);
        AgentId b = loggedIn(1);
        CallId call = offered(a, farSide().answeringNumber(0)).callId();
        int mark = events().mark();

        accepted(a, new BlindTransfer(call, extension(1), null));

        events().awaitSequence(mark, WAIT, disconnected(a, call, DisconnectCause.Redirected));
        CallStateEvent atB = (CallStateEvent) events().awaitSequence(mark, WAIT, EventRecorder.expect(CallStateEvent.class,
                "Offering at B", e -> b.equals(e.agentId()) && e.name() == ConnectionState.Offering)).getFirst();
        assertThat(atB.conversationId()).isEqualTo(call);
    }

    @Test
    default void a_conference_party_leaving_changes_the_parties_of_the_others_only() {
        requires(Action.LOGIN, Action.AGENT_READY, Action.ANSWER_CALL, Action.CONFERENCE_INITIATE, Action.CONFERENCE_COMPLETE);
        Consult c = consulting(ConsultPurpose.Conference, true);
        int joined = events().mark();
        accepted(c.a(), new ConferenceComplete(c.primary(), c.consult()));
        events().awaitSequence(joined, WAIT, EventRecorder.expect(PartyInfoEvent.class, "three parties at B",
                e -> c.b().equals(e.agentId()) && e.parties().size() == 3));
        int mark = events().mark();

        farSide().outsideHangsUp(c.primary().value(), c.customer());

        events().awaitSequence(mark, WAIT, EventRecorder.expect(PartyInfoEvent.class, "of B without the customer",
                e -> c.b().equals(e.agentId()) && e.parties().size() == 2));
        events().assertNone(mark, callState(c.b(), c.primary(), ConnectionState.Disconnected));
    }
}
