package org.opencti.server.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.server.gateway.DesktopClient;
import org.opencti.server.platform.CustomerLookup;
import org.opencti.server.platform.ServerWithStore;
import org.opencti.store.StoreConfig;
import org.opencti.store.TcpProxy;
import org.opencti.store.WhenBufferFull;
import org.opencti.store.WriteListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server on PostgreSQL reached through a relay the test cuts mid-load: calls keep flowing to the desktop, the
 * writer's backlog and retries show in {@code /metrics}, and once the database is back every row is written (or,
 * with a full buffer, the dropped ones are counted).
 */
class DatabaseOutageTest {
    private static final AgentId AGENT = new AgentId("1001");

    @TempDir Path dataDir;
    private final PostgresSchema schema = new PostgresSchema("outage");
    private TcpProxy proxy;

    /** Counts failed write attempts, so a test waits for the outage to bite instead of sleeping. */
    private static final class Failures implements WriteListener {
        private final CountDownLatch seen;

        Failures(int expected) { seen = new CountDownLatch(expected); }

        @Override public void attemptFailed(int attempt, Exception cause, Duration retryIn) { seen.countDown(); }

        void await() throws InterruptedException {
            assertThat(seen.await(20, TimeUnit.SECONDS)).as("write attempts failed while the database was cut").isTrue();
        }
    }

    @BeforeEach
    void relay() throws IOException { proxy = new TcpProxy(PostgresSchema.address()); }

    @AfterEach
    void cleanUp() {
        proxy.close();
        schema.close();
    }

    private ServerWithStore server(int bufferCapacity, WriteListener listener) {
        StoreConfig store = StoreConfig.of(PostgresSchema.urlThrough(proxy.port()), PostgresSchema.USER, "")
                .withSchema(schema.name).withPool(2, Duration.ofMillis(500))
                .withRetry(Duration.ofMillis(10), Duration.ofMillis(100))
                .withBuffer(bufferCapacity, WhenBufferFull.DROP_NEWEST, 100).withListener(listener);
        // No screen pop: its lookups read the same database, and this test is about the writer.
        return new ServerWithStore(dataDir, store, setup -> setup.withCustomerLookup(CustomerLookup.NONE));
    }

    private static void calls(ServerWithStore platform, DesktopClient desk, int from, int to) {
        for (int i = from; i < to; i++) {
            platform.connector.ring(AGENT, new CallId("c-" + i));
            platform.connector.hangUp(AGENT, new CallId("c-" + i));
        }
        for (int i = from; i < to; i++) desk.event("CallStateEvent", "Disconnected");
    }

    @Test
    void calls_recorded_while_the_database_is_cut_reach_the_desktop_and_are_all_written_once_it_returns() throws Exception {
        Failures failures = new Failures(3);
        try (ServerWithStore platform = server(10_000, failures); DesktopClient desk = platform.desktop()) {
            platform.login(desk, "1001");
            calls(platform, desk, 0, 20);
            platform.flushed();
            assertThat(schema.count("interactions")).isEqualTo(20);

            proxy.cut();
            calls(platform, desk, 20, 60);
            failures.await();

            assertThat(platform.metric("opencti_store_queue_depth")).as("the backlog shows").isPositive();
            assertThat(platform.metric("opencti_store_write_failures_total")).as("retries show").isGreaterThanOrEqualTo(3);
            assertThat(schema.count("interactions")).isEqualTo(20);
            proxy.restore();
            calls(platform, desk, 60, 80);

            assertThat(platform.store.awaitFlushed(Duration.ofSeconds(20))).as("flushed after the outage").isTrue();
            assertThat(schema.count("interactions")).isEqualTo(80);
            assertThat(platform.metric("opencti_store_queue_depth")).isZero();
            assertThat(platform.metric("opencti_store_rows_dropped_total")).isZero();
            assertThat(platform.metric("opencti_store_buffer_capacity{when_full=\"DROP_NEWEST\"}")).isEqualTo(10_000);
        }
    }

    @Test
    void with_the_buffer_full_newer_rows_are_dropped_counted_in_metrics_and_the_buffered_ones_arrive_later() throws Exception {
        Failures firstFailure = new Failures(1);
        try (ServerWithStore platform = server(5, firstFailure); DesktopClient desk = platform.desktop()) {
            platform.login(desk, "1001");
            platform.flushed();
            long before = schema.count("interactions");

            proxy.cut();
            platform.connector.ring(AGENT, new CallId("c-0"));
            firstFailure.await(); // the writer now retries that one row; five more fit in the buffer
            for (int i = 1; i <= 10; i++) platform.connector.ring(AGENT, new CallId("c-" + i));
            for (int i = 0; i <= 10; i++) desk.event("CallStateEvent", "Offering");

            assertThat(platform.metric("opencti_store_rows_dropped_total")).isEqualTo(5);
            assertThat(platform.metric("opencti_store_queue_depth")).isEqualTo(6);
            proxy.restore();

            assertThat(platform.store.awaitFlushed(Duration.ofSeconds(20))).isTrue();
            assertThat(schema.count("interactions") - before).isEqualTo(6);
            assertThat(platform.metric("opencti_store_rows_dropped_total")).isEqualTo(5);
        }
    }
}
