package org.opencti.server.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.DequeueReason;
import org.opencti.model.DisconnectCause;
import org.opencti.model.QueueChange;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.QueueEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Queue statistics counted the way the lab's ACD counts them, on explicit times (seconds after 10:00). */
class QueueStatisticsTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private final QueueStatistics statistics = new QueueStatistics(List.of(new QueueDefinition("sales", "8001", 20)));
    private int waiting;

    private void queued(String call, int second) {
        statistics.queueEvent(new QueueEvent(header(second, null), QueueChange.CallQueued, "sales", new CallId(call), ++waiting, null));
    }

    private void dequeued(String call, DequeueReason reason, int second) {
        statistics.queueEvent(new QueueEvent(header(second, null), QueueChange.CallDequeued, "sales", new CallId(call), --waiting, reason));
    }

    private void atAgent(String call, ConnectionState state, DisconnectCause cause, int second) {
        statistics.callEvent(new CallStateEvent(header(second, new AgentId("1001")), state, new CallId(call), new CallId(call),
                CallType.Inbound, "0612345001", "8001", null, "sales", null, null, null, Map.of(), List.of(), cause, null));
    }

    private static EventHeader header(int second, AgentId agent) { return EventHeader.of(T0.plusSeconds(second), agent, "8001"); }

    private QueueStatistics.Snapshot sales(int second) { return statistics.snapshot(T0.plusSeconds(second)).getFirst(); }

    @Test
    void a_configured_queue_starts_at_zero_with_no_service_level() {
        assertThat(sales(0)).isEqualTo(new QueueStatistics.Snapshot("sales", "8001", 0, 0, 0, 0, 0, null, 20));
    }

    @Test
    void answered_within_the_service_level_time_counts_for_it_and_later_answers_against_it() {
        queued("c-1", 0);
        dequeued("c-1", DequeueReason.Distributed, 2);
        atAgent("c-1", ConnectionState.Established, null, 20);
        queued("c-2", 10);
        dequeued("c-2", DequeueReason.Distributed, 30);
        atAgent("c-2", ConnectionState.Established, null, 31);

        QueueStatistics.Snapshot sales = sales(40);

        assertThat(sales.offered()).isEqualTo(2);
        assertThat(sales.answered()).isEqualTo(2);
        assertThat(sales.serviceLevel()).isEqualTo(0.5);
    }

    @Test
    void a_ring_no_answer_requeue_is_the_same_offer_and_its_wait_runs_from_the_first_queueing() {
        queued("c-1", 0);
        dequeued("c-1", DequeueReason.Distributed, 1);
        atAgent("c-1", ConnectionState.Offering, null, 1);
        atAgent("c-1", ConnectionState.Disconnected, DisconnectCause.NoAnswer, 16);
        queued("c-1", 16);

        QueueStatistics.Snapshot sales = sales(25);

        assertThat(sales.offered()).isEqualTo(1);
        assertThat(sales.waiting()).isEqualTo(1);
        assertThat(sales.longestWaitSeconds()).isEqualTo(25);
        assertThat(sales.abandoned()).isZero();
    }

    @Test
    void abandons_count_while_waiting_and_while_ringing_but_those_under_five_seconds_are_left_out_of_the_service_level() {
        queued("c-1", 0);
        dequeued("c-1", DequeueReason.Abandoned, 3);
        queued("c-2", 0);
        dequeued("c-2", DequeueReason.Distributed, 10);
        atAgent("c-2", ConnectionState.Disconnected, DisconnectCause.RemoteHangup, 12);
        queued("c-3", 20);
        dequeued("c-3", DequeueReason.Distributed, 21);
        atAgent("c-3", ConnectionState.Established, null, 25);

        QueueStatistics.Snapshot sales = sales(30);

        assertThat(sales.abandoned()).isEqualTo(2);
        assertThat(sales.answered()).isEqualTo(1);
        assertThat(sales.serviceLevel()).as("1 answered in time / (1 answered + 2 abandoned - 1 short abandon)").isEqualTo(0.5);
    }

    @Test
    void a_call_transferred_out_of_the_queue_is_neither_answered_nor_abandoned() {
        queued("c-1", 0);
        dequeued("c-1", DequeueReason.Transferred, 8);

        assertThat(sales(10)).isEqualTo(new QueueStatistics.Snapshot("sales", "8001", 0, 0, 1, 0, 0, null, 20));
    }

    @Test
    void a_queue_nobody_configured_is_counted_with_the_default_service_level_time() {
        statistics.queueEvent(new QueueEvent(header(0, null), QueueChange.CallQueued, "vip", new CallId("c-9"), 1, null));

        assertThat(statistics.snapshot(T0.plusSeconds(4))).extracting(QueueStatistics.Snapshot::queue, QueueStatistics.Snapshot::longestWaitSeconds,
                QueueStatistics.Snapshot::serviceLevelSeconds).contains(org.assertj.core.groups.Tuple.tuple("vip", 4L, 20));
    }
}
