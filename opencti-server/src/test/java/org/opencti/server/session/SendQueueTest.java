package org.opencti.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-socket bound with a transport the test completes by hand: nothing here depends on timing. */
class SendQueueTest {
    /** Records what it was asked to write; a write completes when the test says so. */
    private static final class ManualTransport implements SendQueue.Transport {
        final List<String> writing = new ArrayList<>();
        final List<Runnable> completions = new ArrayList<>();
        final List<String> closes = new ArrayList<>();
        boolean completeAtOnce;

        @Override public String id() { return "socket-1"; }

        @Override public void send(String text, Runnable written, Consumer<Throwable> failed) {
            writing.add(text);
            if (completeAtOnce) written.run();
            else completions.add(written);
        }

        @Override public void close(int code, String reason) { closes.add(code + " " + reason); }

        void completeOldest() { completions.removeFirst().run(); }
    }

    private final ManualTransport transport = new ManualTransport();
    private final List<SendQueue> overflows = new ArrayList<>();
    private final SendQueue queue = new SendQueue(transport, 3, 1000, overflows::add);

    @Test
    void frames_go_out_one_at_a_time_in_order_as_the_transport_finishes_each() {
        queue.send("a");
        queue.send("b");
        queue.send("c");

        assertThat(transport.writing).containsExactly("a");
        transport.completeOldest();
        transport.completeOldest();
        assertThat(transport.writing).containsExactly("a", "b", "c");
        assertThat(queue.counters().frames()).isEqualTo(1);
        transport.completeOldest();
        assertThat(queue.counters()).isEqualTo(new SendQueue.Counters(0, 0, 3, 3, false));
    }

    @Test
    void a_reader_that_falls_behind_the_bound_is_closed_once_with_the_reason_and_gets_nothing_more() {
        for (String frame : List.of("a", "b", "c", "d", "e")) queue.send(frame);

        assertThat(transport.closes).containsExactly("1013 send queue full (3 frames, 3 bytes unsent); resume with lastSeq");
        assertThat(overflows).containsExactly(queue);
        assertThat(queue.counters().peakFrames()).isEqualTo(3);
        assertThat(queue.counters().closed()).isTrue();
        transport.completeOldest();
        assertThat(transport.writing).containsExactly("a");
    }

    @Test
    void the_byte_bound_counts_utf8_bytes() {
        SendQueue small = new SendQueue(transport, 100, 5, overflows::add);

        small.send("éé"); // 4 bytes
        small.send("ab"); // 6 > 5

        assertThat(overflows).containsExactly(small);
        assertThat(small.counters().peakBytes()).isEqualTo(4);
    }

    @Test
    void writes_that_complete_at_once_drain_the_queue_without_piling_up() {
        transport.completeAtOnce = true;

        for (int i = 0; i < 10_000; i++) queue.send("frame " + i);

        assertThat(transport.writing).hasSize(10_000).endsWith("frame 9999");
        assertThat(queue.counters()).isEqualTo(new SendQueue.Counters(0, 0, 1, "frame 9999".length(), false));
    }
}
