package org.opencti.server.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opencti.connector.spi.time.ManualScheduler;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.Customer;
import org.opencti.model.DisconnectCause;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallInfoEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EventHeader;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen pop on virtual time, with a lookup the test answers when it wants. */
class ScreenPopTest {
    private static final AgentId AGENT = new AgentId("1001");
    private static final AgentId OTHER = new AgentId("1002");
    private static final Customer ALICE = new Customer("cust-1", "Alice Martin", "0612345001", "A-1001");

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-28T10:00:00Z"));
    private final List<CompletableFuture<Optional<Customer>>> answers = new CopyOnWriteArrayList<>();
    private final List<CustomerLookup.Caller> asked = new CopyOnWriteArrayList<>();
    private final List<LookupOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<CtiEvent> delivered = new CopyOnWriteArrayList<>();
    private final ScreenPop screenPop = new ScreenPop(caller -> {
        asked.add(caller);
        CompletableFuture<Optional<Customer>> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }, Duration.ofMillis(150), time, outcomes::add);

    @Test
    void an_offering_answered_within_the_budget_carries_the_customer() {
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Offering), delivered::add);
        assertThat(delivered).as("held while the lookup runs").isEmpty();

        time.advance(Duration.ofMillis(149));
        answers.getFirst().complete(Optional.of(ALICE));

        assertThat(delivered).singleElement().isInstanceOfSatisfying(CallStateEvent.class,
                offering -> assertThat(offering.customer()).isEqualTo(ALICE));
        assertThat(asked).containsExactly(new CustomerLookup.Caller("0612345001", Map.of("accountId", "A-1001")));
        assertThat(outcomes).containsExactly(LookupOutcome.HIT);
    }

    @Test
    void a_customer_found_after_the_budget_follows_as_call_info_with_the_calls_data() {
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Offering), delivered::add);

        time.advance(Duration.ofMillis(150));
        assertThat(delivered).singleElement().isInstanceOfSatisfying(CallStateEvent.class,
                offering -> assertThat(offering.customer()).isNull());
        answers.getFirst().complete(Optional.of(ALICE));

        assertThat(delivered).hasSize(2).last().isInstanceOfSatisfying(CallInfoEvent.class, info -> {
            assertThat(info.callId()).isEqualTo(new CallId("c-7"));
            assertThat(info.customer()).isEqualTo(ALICE);
            assertThat(info.callData()).isEqualTo(Map.of("accountId", "A-1001"));
            assertThat(info.at()).isEqualTo(Instant.parse("2026-11-28T10:00:00.150Z"));
        });
        assertThat(outcomes).containsExactly(LookupOutcome.TIMEOUT, LookupOutcome.HIT);
    }

    @Test
    void later_events_of_the_agent_wait_behind_the_offering_and_other_agents_are_not_held() {
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Offering), delivered::add);
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Disconnected), delivered::add);
        CtiEvent othersEvent = new AgentStateEvent(EventHeader.of(time.now(), OTHER, "5002"), AgentState.Ready, null,
                AgentState.NotReady, null, null, null);
        screenPop.accept(othersEvent, delivered::add);
        assertThat(delivered).containsExactly(othersEvent);

        answers.getFirst().complete(Optional.of(ALICE));

        assertThat(delivered).extracting(CtiEvent::eventName).containsExactly("Ready", "Offering", "Disconnected");
    }

    @Test
    void a_failed_lookup_is_counted_and_the_offering_goes_out_at_once_without_a_customer() {
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Offering), delivered::add);

        answers.getFirst().completeExceptionally(new IllegalStateException("CRM down"));

        assertThat(delivered).singleElement().isInstanceOfSatisfying(CallStateEvent.class,
                offering -> assertThat(offering.customer()).isNull());
        assertThat(outcomes).containsExactly(LookupOutcome.FAILURE);
        time.advance(Duration.ofSeconds(1));
        assertThat(outcomes).as("no timeout once answered").containsExactly(LookupOutcome.FAILURE);
    }

    @Test
    void a_lookup_that_throws_instead_of_failing_its_stage_still_delivers_the_call() {
        ScreenPop broken = new ScreenPop(caller -> { throw new IllegalStateException("bug"); }, Duration.ofMillis(150),
                time, outcomes::add);

        broken.accept(call(AGENT, "c-7", ConnectionState.Offering), delivered::add);

        assertThat(delivered).hasSize(1);
        assertThat(outcomes).containsExactly(LookupOutcome.FAILURE);
    }

    @Test
    void an_answer_for_a_call_that_already_ended_sends_nothing() {
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Offering), delivered::add);
        time.advance(Duration.ofMillis(150));
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Disconnected), delivered::add);

        answers.getFirst().complete(Optional.of(ALICE));

        assertThat(delivered).extracting(CtiEvent::eventName).containsExactly("Offering", "Disconnected");
    }

    @Test
    void a_second_offering_queued_behind_the_first_leaves_with_its_own_late_answer() {
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Offering), delivered::add);
        screenPop.accept(call(AGENT, "c-8", ConnectionState.Offering), delivered::add);
        time.advance(Duration.ofMillis(150)); // both budgets run out together: both Offerings leave, in order

        answers.get(1).complete(Optional.of(ALICE));

        assertThat(delivered).extracting(CtiEvent::eventName).containsExactly("Offering", "Offering", "CallInfo");
        assertThat(asked).hasSize(2);
    }

    @Test
    void a_miss_and_events_without_a_caller_to_look_up_pass_straight_through() {
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Offering), delivered::add);
        answers.getFirst().complete(Optional.empty());
        screenPop.accept(call(AGENT, "c-7", ConnectionState.Established), delivered::add);

        assertThat(delivered).extracting(CtiEvent::eventName).containsExactly("Offering", "Established");
        assertThat(outcomes).containsExactly(LookupOutcome.MISS);
        assertThat(asked).hasSize(1);
    }

    private CallStateEvent call(AgentId agent, String callId, ConnectionState state) {
        CallId id = new CallId(callId);
        return new CallStateEvent(EventHeader.of(time.now(), agent, "5001"), state, id, id, CallType.Inbound, "0612345001",
                "8001", "0612345001", "sales", null, null, null, Map.of("accountId", "A-1001"), List.of(),
                state == ConnectionState.Disconnected ? DisconnectCause.RemoteHangup : null, null);
    }
}
