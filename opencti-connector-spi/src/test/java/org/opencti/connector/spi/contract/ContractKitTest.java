package org.opencti.connector.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.opencti.connector.spi.Accepted;
import org.opencti.connector.spi.ConnectorContext;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.connector.spi.time.ManualScheduler;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.LinkState;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.state.Action;
import org.opentest4j.TestAbortedException;

/** The kit's own fixtures: skipping undeclared capabilities, and waiting that fails with what it saw. */
class ContractKitTest {
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-28T10:00:00Z"));
    private final EventRecorder recorder = new EventRecorder(time);
    private final AgentId agent = new AgentId("1001");

    /** A connector that declares only login and does nothing. */
    private static final class LoginOnly implements CtiConnector {
        @Override public void start(ConnectorContext context) {}
        @Override public CompletionStage<Accepted> execute(RequestId id, AgentId agent, CtiRequest request) {
            return CompletableFuture.completedFuture(Accepted.NOTHING_NEW);
        }
        @Override public CompletionStage<SnapshotEvent> snapshot(AgentId agent) { return new CompletableFuture<>(); }
        @Override public CompletionStage<Accepted> monitorQueue(String queueDn) { return new CompletableFuture<>(); }
        @Override public LinkState linkState() { return LinkState.Connected; }
        @Override public Set<Action> capabilities() { return Set.of(Action.LOGIN); }
        @Override public void close() {}
    }

    private AgentStateEvent ready(AgentState state) {
        return new AgentStateEvent(EventHeader.of(time.now(), agent, "5001"), state, state == AgentState.NotReady ? "login" : null,
                null, null, null, null);
    }

    @Test
    void a_capability_the_connector_does_not_declare_aborts_the_test_so_junit_reports_it_skipped() {
        ContractSubject subject = new ContractSubject(new LoginOnly(), recorder, time, null);
        ContractSupport support = () -> subject;

        support.requires(Action.LOGIN);

        assertThatThrownBy(() -> support.requires(Action.LOGIN, Action.HOLD_CALL)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("does not declare holdCall");
    }

    @Test
    void awaitSequence_matches_in_order_and_on_timeout_lists_the_events_it_saw() {
        recorder.publish(ready(AgentState.NotReady));
        recorder.publish(ready(AgentState.Ready));

        assertThat(recorder.awaitSequence(0, Duration.ZERO, ContractSupport.agentState(agent, AgentState.NotReady),
                ContractSupport.agentState(agent, AgentState.Ready))).hasSize(2);
        assertThatThrownBy(() -> recorder.awaitSequence(0, Duration.ofMillis(20), ContractSupport.agentState(agent, AgentState.Ready),
                ContractSupport.agentState(agent, AgentState.NotReady)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("matched only the first 1")
                .hasMessageContaining("\"name\":\"NotReady\"").hasMessageContaining("\"name\":\"Ready\"");
    }

    @Test
    void an_event_published_from_another_thread_wakes_the_waiter() {
        Thread.ofVirtual().start(() -> recorder.publish(ready(AgentState.Ready)));

        AgentStateEvent event = recorder.awaitFirst(AgentStateEvent.class, e -> e.name() == AgentState.Ready, Duration.ofSeconds(5));

        assertThat(event.agentId()).isEqualTo(agent);
    }
}
