package org.opencti.store;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.CtiException;
import org.opencti.model.Customer;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.store.agentstate.AgentStateChange;
import org.opencti.store.interaction.Interaction;
import org.opencti.store.interaction.InteractionQuery;
import org.opencti.store.interaction.InteractionRecorder;
import org.assertj.core.groups.Tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencti.model.ConnectionState.Alerting;
import static org.opencti.model.ConnectionState.Established;
import static org.opencti.model.ConnectionState.Held;
import static org.opencti.store.Desk.at;

/** How realistic event sequences become interaction rows and agent-state lines. Runs on every database. */
public abstract class InteractionRecordingContract extends StoreTestBase {
    private final Desk alice = new Desk("1001", "5001");
    private final Desk bob = new Desk("1002", "5002");

    private InteractionRecorder recorder() {
        return store.recorder();
    }

    private Interaction interaction(Desk desk, String callId) {
        flushed();
        return store.interactions().byCall(desk.agentId(), new CallId(callId)).orElseThrow();
    }

    @Test
    void an_answered_inbound_call_held_twice_and_wrapped_up_becomes_one_complete_interaction() {
        recorder().record(alice.offered("c-1", "+33612345678", "sales", 0));
        recorder().record(alice.state(Established, "c-1", 5));
        recorder().record(alice.state(Held, "c-1", 20));
        recorder().record(alice.state(Established, "c-1", 50));
        recorder().record(alice.state(Held, "c-1", 60));
        recorder().record(alice.state(Established, "c-1", 70));
        recorder().record(alice.ended("c-1", DisconnectCause.RemoteHangup, 90));

        recorder().wrapUp(alice.agentId(), new CallId("c-1"), "sale", "Ordered the blue one", at(100));

        Interaction row = interaction(alice, "c-1");
        assertThat(row.callType()).isEqualTo(CallType.Inbound);
        assertThat(row.conversationId()).isEqualTo(new CallId("c-1"));
        assertThat(row.ani()).isEqualTo("+33612345678");
        assertThat(row.dnis()).isEqualTo("8001");
        assertThat(row.queue()).isEqualTo("sales");
        assertThat(row.offeredAt()).isEqualTo(at(0));
        assertThat(row.answeredAt()).isEqualTo(at(5));
        assertThat(row.endedAt()).isEqualTo(at(90));
        assertThat(row.endApproximate()).isFalse();
        assertThat(row.holdTime()).isEqualTo(Duration.ofSeconds(40));
        assertThat(row.cause()).isEqualTo(DisconnectCause.RemoteHangup);
        assertThat(row.wrapUpCode()).isEqualTo("sale");
        assertThat(row.wrapUpNotes()).isEqualTo("Ordered the blue one");
        assertThat(row.wrappedAt()).isEqualTo(at(100));
        assertThat(store.interactions().find(InteractionQuery.all())).containsExactly(row);
    }

    @Test
    void a_call_hung_up_while_held_counts_the_hold_until_the_end() {
        recorder().record(alice.offered("c-1", "0612345678", "sales", 0));
        recorder().record(alice.state(Established, "c-1", 1));
        recorder().record(alice.state(Held, "c-1", 10));
        recorder().record(alice.ended("c-1", DisconnectCause.RemoteHangup, 25));

        assertThat(interaction(alice, "c-1").holdTime()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void an_offer_the_caller_abandons_is_recorded_unanswered_with_cause_abandoned() {
        recorder().record(alice.offered("c-2", "0612345678", "support", 0));
        recorder().record(alice.ended("c-2", DisconnectCause.Abandoned, 12));

        Interaction row = interaction(alice, "c-2");
        assertThat(row.answeredAt()).isNull();
        assertThat(row.endedAt()).isEqualTo(at(12));
        assertThat(row.cause()).isEqualTo(DisconnectCause.Abandoned);
        assertThat(row.holdTime()).isZero();
    }

    @Test
    void an_outbound_call_is_answered_when_the_far_end_picks_up() {
        recorder().record(alice.dialled("c-3", "0145678900", 0));
        recorder().record(alice.state(Alerting, "c-3", 1));
        recorder().record(alice.state(Established, "c-3", 9));
        recorder().record(alice.ended("c-3", DisconnectCause.Normal, 60));

        Interaction row = interaction(alice, "c-3");
        assertThat(row.callType()).isEqualTo(CallType.Outbound);
        assertThat(row.offeredAt()).isEqualTo(at(0));
        assertThat(row.answeredAt()).isEqualTo(at(9));
        assertThat(row.cause()).isEqualTo(DisconnectCause.Normal);
    }

    @Test
    void a_consult_transfer_closes_both_legs_at_the_transferrer_and_moves_the_consulted_leg_to_the_customer_call() {
        recorder().record(alice.offered("c-10", "0612345678", "sales", 0));
        recorder().record(alice.state(Established, "c-10", 2));
        recorder().record(alice.state(Held, "c-10", 30));
        recorder().record(alice.dialled("c-11", "5002", 30));
        recorder().record(bob.consulted("c-11", "c-10", "5001", 31));
        recorder().record(bob.state(Established, "c-11", 35));
        recorder().record(alice.state(Established, "c-11", 35));
        recorder().record(alice.ended("c-10", DisconnectCause.Transferred, 50));
        recorder().record(alice.ended("c-11", DisconnectCause.Transferred, 50));
        recorder().record(bob.replaced("c-11", "c-10", Established, 50));
        recorder().record(bob.ended("c-10", DisconnectCause.RemoteHangup, 120));
        recorder().wrapUp(bob.agentId(), new CallId("c-10"), "resolved", null, at(130));

        Interaction primary = interaction(alice, "c-10");
        assertThat(primary.cause()).isEqualTo(DisconnectCause.Transferred);
        assertThat(primary.holdTime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(interaction(alice, "c-11").cause()).isEqualTo(DisconnectCause.Transferred);
        Interaction atBob = interaction(bob, "c-10");
        assertThat(atBob.callType()).isEqualTo(CallType.Consult);
        assertThat(atBob.conversationId()).isEqualTo(new CallId("c-10"));
        assertThat(atBob.offeredAt()).isEqualTo(at(31));
        assertThat(atBob.answeredAt()).isEqualTo(at(35));
        assertThat(atBob.endedAt()).isEqualTo(at(120));
        assertThat(atBob.wrapUpCode()).isEqualTo("resolved");
        assertThat(store.interactions().byCall(bob.agentId(), new CallId("c-11"))).isEmpty();
        assertThat(store.interactions().conversation(new CallId("c-10")))
                .extracting(Interaction::agentId).containsExactly(alice.agentId(), bob.agentId());
    }

    @Test
    void calls_missing_after_a_link_loss_are_closed_as_link_lost_with_an_approximate_end() {
        recorder().record(alice.offered("c-20", "0612345678", "sales", 0));
        recorder().record(alice.state(Established, "c-20", 2));
        recorder().record(alice.offered("c-21", "0698765432", "sales", 3));
        recorder().record(alice.state(Held, "c-20", 4));

        var closed = recorder().closeLostCalls(alice.agentId(), Set.of(new CallId("c-21")), at(10));

        assertThat(closed).containsExactly(new CallId("c-20"));
        Interaction lost = interaction(alice, "c-20");
        assertThat(lost.cause()).isEqualTo(DisconnectCause.LinkLost);
        assertThat(lost.endApproximate()).isTrue();
        assertThat(lost.endedAt()).isEqualTo(at(10));
        assertThat(lost.holdTime()).isEqualTo(Duration.ofSeconds(6));
        assertThat(interaction(alice, "c-21").ended()).isFalse();
        assertThat(recorder().openCalls(alice.agentId())).containsExactly(new CallId("c-21"));
    }

    @Test
    void wrapping_up_a_call_the_agent_never_had_is_an_unknown_call_and_records_nothing() {
        recorder().record(bob.offered("c-30", "0612345678", "sales", 0));

        assertThatThrownBy(() -> recorder().wrapUp(alice.agentId(), new CallId("c-30"), "sale", null, at(5)))
                .isInstanceOf(CtiException.class)
                .hasMessage("Cannot wrap up call 'c-30': agent 1001 has no recorded interaction on it;"
                        + " give the callId of a call this agent handled")
                .extracting(e -> ((CtiException) e).code()).isEqualTo(ErrorCode.OPENCTI_UNKNOWN_CALL);
        assertThat(interaction(bob, "c-30").wrapUpCode()).isNull();
    }

    @Test
    void a_wrap_up_long_after_the_call_is_read_back_from_the_database_and_lands_on_it() {
        store.close();
        store = Store.open(config().withEndedCallsKeptPerAgent(0));
        store.recorder().record(alice.offered("c-40", "0612345678", "sales", 0));
        store.recorder().record(alice.ended("c-40", DisconnectCause.RemoteHangup, 10));
        flushed();

        store.recorder().wrapUp(alice.agentId(), new CallId("c-40"), "callback", "Call back Monday", at(600));

        Interaction row = interaction(alice, "c-40");
        assertThat(row.wrapUpCode()).isEqualTo("callback");
        assertThat(row.endedAt()).isEqualTo(at(10));
    }

    @Test
    void a_call_still_open_when_the_store_restarts_ends_normally_afterwards() {
        store.recorder().record(alice.offered("c-50", "0612345678", "sales", 0));
        store.recorder().record(alice.state(Established, "c-50", 3));
        store.close();

        store = Store.open(config());
        store.recorder().record(alice.ended("c-50", DisconnectCause.Normal, 40));

        Interaction row = interaction(alice, "c-50");
        assertThat(row.answeredAt()).isEqualTo(at(3));
        assertThat(row.endedAt()).isEqualTo(at(40));
        assertThat(store.interactions().find(InteractionQuery.all())).hasSize(1);
    }

    @Test
    void call_data_and_the_screen_pop_customer_are_attached_to_the_interaction() {
        recorder().record(alice.offeredWith("c-60", "0612345678", Map.of("accountId", "A-1001"), null, 0));
        recorder().record(alice.callInfo("c-60", Map.of(), new Customer("cust-7", "Ada", "0612345678", "A-1001"), 1));
        recorder().record(alice.callInfo("c-60", Map.of("accountId", "A-1001", "intent", "billing"), null, 2));

        Interaction row = interaction(alice, "c-60");
        assertThat(row.callData()).isEqualTo(Map.of("accountId", "A-1001", "intent", "billing"));
        assertThat(row.customerId()).isEqualTo("cust-7");
    }

    @Test
    void a_recycled_call_id_after_the_call_ended_starts_a_new_interaction() {
        recorder().record(alice.offered("7", "0612345678", "sales", 0));
        recorder().record(alice.ended("7", DisconnectCause.Abandoned, 5));
        recorder().record(alice.offered("7", "0698765432", "sales", 60));

        Interaction newest = interaction(alice, "7");
        assertThat(newest.ani()).isEqualTo("0698765432");
        assertThat(newest.ended()).isFalse();
        assertThat(store.interactions().find(InteractionQuery.all().forAgent(alice.agentId()))).hasSize(2);
    }

    @Test
    void a_repeated_disconnected_event_changes_neither_the_end_nor_the_row_count() throws Exception {
        recorder().record(alice.offered("c-70", "0612345678", "sales", 0));
        recorder().record(alice.ended("c-70", DisconnectCause.Normal, 5));
        recorder().record(alice.ended("c-70", DisconnectCause.Normal, 6));
        flushed();

        assertThat(rows("interactions")).isEqualTo(1);
        assertThat(interaction(alice, "c-70").endedAt()).isEqualTo(at(5));
    }

    @Test
    void events_recorded_from_many_threads_at_once_all_arrive() throws Exception {
        var desks = IntStream.range(0, 4).mapToObj(i -> new Desk("20" + i, "60" + i)).toList();
        var tasks = desks.stream().map(desk -> (Callable<Void>) () -> {
            for (int call = 0; call < 50; call++) {
                String callId = desk.agentId() + "-" + call;
                recorder().record(desk.offered(callId, "0612345678", "sales", call));
                recorder().record(desk.state(Established, callId, call));
                recorder().record(desk.ended(callId, DisconnectCause.Normal, call));
            }
            return null;
        }).toList();

        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (Future<Void> done : threads.invokeAll(tasks)) done.get();
        }
        flushed();

        assertThat(rows("interactions")).isEqualTo(200);
        assertThat(store.interactions().find(InteractionQuery.all().page(Page.first(1000))))
                .allSatisfy(row -> assertThat(row.cause()).isEqualTo(DisconnectCause.Normal));
    }

    @Test
    void every_agent_state_change_is_logged_with_its_reason() {
        recorder().record(alice.agentState(AgentState.NotReady, "login", AgentState.LoggedOut, 0));
        recorder().record(alice.agentState(AgentState.Ready, null, AgentState.NotReady, 10));
        recorder().record(alice.agentState(AgentState.NotReady, "lunch", AgentState.Ready, 20));
        flushed();

        var log = store.agentStates().changes(alice.agentId(), at(0), at(60), Page.first(10));

        assertThat(log).extracting(AgentStateChange::state, AgentStateChange::reasonCode, AgentStateChange::previous,
                        AgentStateChange::at)
                .containsExactly(
                        Tuple.tuple(AgentState.NotReady, "lunch", AgentState.Ready, at(20)),
                        Tuple.tuple(AgentState.Ready, null, AgentState.NotReady, at(10)),
                        Tuple.tuple(AgentState.NotReady, "login", AgentState.LoggedOut, at(0)));
    }
}
