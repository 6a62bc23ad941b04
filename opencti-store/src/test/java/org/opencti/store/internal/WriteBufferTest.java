package org.opencti.store.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.opencti.store.StoreException;
import org.opencti.store.WhenBufferFull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteBufferTest {
    private record Row(String id, int version) {}

    private static final Table<Row> ROWS = Table.upsert("rows", Row::id, "id, version", (s, r) -> {});

    @Test
    void a_newer_version_of_a_waiting_row_replaces_it_in_place() throws Exception {
        var buffer = new WriteBuffer(10, WhenBufferFull.DROP_NEWEST);
        buffer.offer(ROWS.write(new Row("a", 1)));
        buffer.offer(ROWS.write(new Row("b", 1)));

        buffer.offer(ROWS.write(new Row("a", 2)));

        assertThat(buffer.take(10).stream().map(w -> (Object) w.row()).toList()).containsExactly(new Row("a", 2), new Row("b", 1));
    }

    @Test
    void a_full_buffer_that_drops_refuses_new_rows_but_still_takes_new_versions_of_waiting_ones() {
        var buffer = new WriteBuffer(2, WhenBufferFull.DROP_NEWEST);
        buffer.offer(ROWS.write(new Row("a", 1)));
        buffer.offer(ROWS.write(new Row("b", 1)));

        assertThat(buffer.offer(ROWS.write(new Row("c", 1)))).isFalse();
        assertThat(buffer.offer(ROWS.write(new Row("a", 2)))).isTrue();
        assertThat(buffer.dropped()).isEqualTo(1);
        assertThat(buffer.queued()).isEqualTo(2);
    }

    @Test
    void a_full_buffer_that_blocks_lets_the_caller_in_once_the_writer_takes_rows() throws Exception {
        var buffer = new WriteBuffer(1, WhenBufferFull.BLOCK_CALLER);
        buffer.offer(ROWS.write(new Row("a", 1)));
        var blocked = CompletableFuture.supplyAsync(() -> buffer.offer(ROWS.write(new Row("b", 1))));

        List<PendingWrite<?>> first = buffer.take(10);

        assertThat(blocked.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(first).extracting(PendingWrite::id).containsExactly("a");
        assertThat(buffer.take(10)).extracting(PendingWrite::id).containsExactly("b");
        assertThat(buffer.dropped()).isZero();
    }

    @Test
    void drained_means_nothing_waiting_and_nothing_being_written() throws Exception {
        var buffer = new WriteBuffer(10, WhenBufferFull.DROP_NEWEST);
        buffer.offer(ROWS.write(new Row("a", 1)));
        buffer.take(10);

        assertThat(buffer.awaitDrained(Duration.ZERO)).isFalse();
        buffer.settled();
        assertThat(buffer.awaitDrained(Duration.ZERO)).isTrue();
    }

    @Test
    void a_closed_buffer_refuses_writes_with_a_remedy_and_hands_out_what_it_holds() throws Exception {
        var buffer = new WriteBuffer(10, WhenBufferFull.DROP_NEWEST);
        buffer.offer(ROWS.write(new Row("a", 1)));

        buffer.close();

        assertThatThrownBy(() -> buffer.offer(ROWS.write(new Row("b", 1)))).isInstanceOf(StoreException.class)
                .hasMessage("The store is closed; no more writes are accepted. Open a new Store to record again.");
        assertThat(buffer.take(10)).hasSize(1);
        assertThat(buffer.take(10)).isEmpty();
    }
}
