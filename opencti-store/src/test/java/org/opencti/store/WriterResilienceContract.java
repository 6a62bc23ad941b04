package org.opencti.store;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.DisconnectCause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opencti.model.ConnectionState.Established;

/**
 * The background writer under stress: a real outage (a relay between store and database is cut), a full buffer,
 * a row the database refuses, and close with rows still queued. Runs on every database.
 */
public abstract class WriterResilienceContract extends StoreTestBase {
    private final Desk alice = new Desk("1001", "5001");

    /** Counts failed write attempts so a test can wait for the outage to bite instead of sleeping. */
    private static final class FailureCounter implements WriteListener {
        final CountDownLatch failures;

        FailureCounter(int expected) { failures = new CountDownLatch(expected); }

        @Override public void attemptFailed(int attempt, Exception cause, Duration retryIn) { failures.countDown(); }

        boolean awaitFailures() throws InterruptedException { return failures.await(20, TimeUnit.SECONDS); }
    }

    private StoreConfig through(TcpProxy proxy) {
        return database().config(database().urlThrough(proxy.port()), schema);
    }

    private void recordCalls(Store target, int from, int to) {
        for (int i = from; i < to; i++) {
            String callId = "c-" + i;
            target.recorder().record(alice.offered(callId, "0612345678", "sales", i));
            target.recorder().record(alice.state(Established, callId, i));
            target.recorder().record(alice.agentState(AgentState.Busy, null, AgentState.Ready, i));
            target.recorder().record(alice.ended(callId, DisconnectCause.RemoteHangup, i));
        }
    }

    @Test
    void rows_recorded_while_the_database_is_unreachable_are_all_written_once_it_returns() throws Exception {
        var counter = new FailureCounter(3);
        try (TcpProxy proxy = new TcpProxy(database().address());
             Store viaProxy = Store.open(through(proxy).withListener(counter))) {
            recordCalls(viaProxy, 0, 20);
            flushed(viaProxy);
            assertThat(rows("interactions")).isEqualTo(20);

            proxy.cut();
            recordCalls(viaProxy, 20, 50);
            assertThat(counter.awaitFailures()).as("write attempts failed during the outage").isTrue();
            assertThat(rows("interactions")).isEqualTo(20);
            assertThat(viaProxy.counters().queued()).isPositive();
            proxy.restore();
            recordCalls(viaProxy, 50, 60);

            flushed(viaProxy);
            assertThat(rows("interactions")).isEqualTo(60);
            assertThat(rows("agent_state_log")).isEqualTo(60);
            WriterCounters counters = viaProxy.counters();
            assertThat(counters.failedAttempts()).isGreaterThanOrEqualTo(3);
            assertThat(counters.dropped()).isZero();
            assertThat(counters.rejected()).isZero();
            assertThat(counters.queued()).isZero();
        }
        assertThat(store.interactions().byCall(alice.agentId(), new CallId("c-35")).orElseThrow().cause())
                .isEqualTo(DisconnectCause.RemoteHangup);
    }

    @Test
    void when_the_buffer_is_full_the_newest_rows_are_dropped_and_counted_and_the_rest_arrive_later() throws Exception {
        var counter = new FailureCounter(1);
        try (TcpProxy proxy = new TcpProxy(database().address());
             Store viaProxy = Store.open(through(proxy).withBuffer(5, WhenBufferFull.DROP_NEWEST, 100).withListener(counter))) {
            proxy.cut();
            viaProxy.recorder().record(alice.agentState(AgentState.Ready, null, AgentState.NotReady, 0));
            assertThat(counter.awaitFailures()).isTrue(); // the writer now retries that one row

            for (int i = 1; i < 20; i++)
                viaProxy.recorder().record(alice.agentState(AgentState.Ready, null, AgentState.NotReady, i));
            assertThat(viaProxy.counters().dropped()).isEqualTo(14);
            assertThat(viaProxy.counters().queued()).isEqualTo(6);
            proxy.restore();

            flushed(viaProxy);
            assertThat(rows("agent_state_log")).isEqualTo(6);
            assertThat(viaProxy.counters().written()).isEqualTo(6);
        }
    }

    @Test
    void a_row_the_database_refuses_is_skipped_and_counted_without_holding_back_the_others() throws Exception {
        String tooLong = "c-" + "9".repeat(300);
        recordCalls(store, 0, 3);
        store.recorder().record(alice.offered(tooLong, "0612345678", "sales", 10));
        recordCalls(store, 3, 6);

        flushed();

        assertThat(rows("interactions")).isEqualTo(6);
        assertThat(store.counters().rejected()).isEqualTo(1);
        assertThat(store.counters().written()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void closing_the_store_writes_every_row_still_queued() throws Exception {
        recordCalls(store, 0, 200);

        store.close();

        assertThat(rows("interactions")).isEqualTo(200);
        assertThat(rows("agent_state_log")).isEqualTo(200);
        assertThat(store.counters().lost()).isZero();
    }

    @Test
    void closing_while_the_database_stays_down_reports_how_many_rows_were_lost() throws Exception {
        var counter = new FailureCounter(1);
        try (TcpProxy proxy = new TcpProxy(database().address())) {
            Store viaProxy = Store.open(through(proxy).withCloseTimeout(Duration.ZERO).withListener(counter));
            proxy.cut();
            viaProxy.recorder().record(alice.agentState(AgentState.Ready, null, AgentState.NotReady, 0));
            assertThat(counter.awaitFailures()).isTrue();
            for (int i = 1; i < 6; i++)
                viaProxy.recorder().record(alice.agentState(AgentState.Ready, null, AgentState.NotReady, i));

            var failure = catchThrowableOfType(StoreException.class, viaProxy::close);

            assertThat(failure).hasMessageStartingWith("6 recorded rows could not be written to")
                    .hasMessageContaining("are lost");
            assertThat(viaProxy.counters().lost()).isEqualTo(6);
        }
    }
}
