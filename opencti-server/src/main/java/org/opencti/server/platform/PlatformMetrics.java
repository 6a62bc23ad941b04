package org.opencti.server.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.opencti.model.AgentId;
import org.opencti.model.LinkState;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.json.CtiJson;
import org.opencti.model.request.WrapUp;
import org.opencti.server.gateway.Gateway;
import org.opencti.server.gateway.Recording;
import org.opencti.server.session.Sessions;
import org.opencti.store.Store;
import org.opencti.store.WriterCounters;

/**
 * The server's meters, served as Prometheus text at {@code /metrics}. Names (Prometheus form):
 * {@code opencti_sessions_open}, {@code opencti_events_delivered_total{type}},
 * {@code opencti_requests_seconds{action,result}} (WebSocket control requests, histogram),
 * {@code opencti_http_requests_seconds{method,route,status}} (REST, histogram), {@code opencti_link_state{state}}
 * (1 for the current state), {@code opencti_store_queue_depth}, {@code opencti_store_rows_written_total},
 * {@code opencti_store_buffer_capacity{when_full}}, {@code opencti_store_rows_dropped_total}, {@code opencti_store_rows_rejected_total},
 * {@code opencti_store_rows_lost_total}, {@code opencti_store_write_failures_total},
 * {@code opencti_screenpop_lookups_total{outcome}}, {@code opencti_sockets_open},
 * {@code opencti_sockets_overflowed_total}, {@code opencti_queues_monitored}. Events per second are the rate of
 * {@code opencti_events_delivered_total}.
 */
public final class PlatformMetrics {
    private final MeterRegistry registry;
    private final Map<LookupOutcome, Counter> lookups = new EnumMap<>(LookupOutcome.class);
    private final Counter socketsOverflowed;

    public PlatformMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (LookupOutcome outcome : LookupOutcome.values())
            lookups.put(outcome, Counter.builder("opencti.screenpop.lookups").tag("outcome", outcome.name().toLowerCase())
                    .description("Screen-pop lookups by outcome; timeout counts Offerings sent before the answer")
                    .register(registry));
        for (String type : CtiJson.EVENT_TYPES) delivered(type); // present at 0, so dashboards see every series
        socketsOverflowed = Counter.builder("opencti.sockets.overflowed")
                .description("Desktop sockets closed because their reader fell behind the send-queue bound").register(registry);
    }

    private Counter delivered(String type) {
        return Counter.builder("opencti.events.delivered").tag("type", type)
                .description("Events delivered to agent sessions").register(registry);
    }

    public MeterRegistry registry() { return registry; }

    public void sessions(Sessions sessions) {
        Gauge.builder("opencti.sessions.open", sessions, s -> s.all().size())
                .description("Agent and supervisor sessions open now").register(registry);
    }

    /** Desktop sockets open now, and how many configured queues the connector monitors. */
    public void sockets(Supplier<Integer> open, Supplier<Integer> monitoredQueues) {
        Gauge.builder("opencti.sockets.open", open, s -> s.get()).strongReference(true)
                .description("Desktop WebSockets open now (tabs of agents and supervisors)").register(registry);
        Gauge.builder("opencti.queues.monitored", monitoredQueues, s -> s.get()).strongReference(true)
                .description("Configured queues whose monitor the connector started").register(registry);
    }

    public void link(Supplier<LinkState> linkState) {
        for (LinkState state : LinkState.values())
            // A strong reference: Micrometer holds a gauge's object weakly, and nothing else holds this supplier.
            Gauge.builder("opencti.link.state", linkState, s -> s.get() == state ? 1 : 0).tag("state", state.name())
                    .strongReference(true)
                    .description("1 for the CTI link's current state, 0 for the others").register(registry);
    }

    public void store(Store store) {
        Gauge.builder("opencti.store.queue.depth", store, s -> s.counters().queued())
                .description("Rows waiting for the store's writer").register(registry);
        Gauge.builder("opencti.store.buffer.capacity", store, s -> s.config().bufferCapacity())
                .tag("when_full", store.config().whenBufferFull().name())
                .description("Rows the writer may hold while the database is away; when_full says what happens then")
                .register(registry);
        storeCounter(store, "opencti.store.rows.written", WriterCounters::written, "Row writes committed");
        storeCounter(store, "opencti.store.rows.dropped", WriterCounters::dropped, "Rows refused because the write buffer was full");
        storeCounter(store, "opencti.store.rows.rejected", WriterCounters::rejected, "Rows the database refused for their content");
        storeCounter(store, "opencti.store.rows.lost", WriterCounters::lost, "Rows unwritten when the store closed");
        storeCounter(store, "opencti.store.write.failures", WriterCounters::failedAttempts, "Batch attempts that failed and were retried");
    }

    private void storeCounter(Store store, String name, ToLongFunction<WriterCounters> value, String description) {
        FunctionCounter.builder(name, store, s -> value.applyAsLong(s.counters())).description(description).register(registry);
    }

    public void lookup(LookupOutcome outcome) { lookups.get(outcome).increment(); }

    /** A desktop socket fell behind its send-queue bound and was closed (it resumes from the replay buffer). */
    public void socketOverflowed() { socketsOverflowed.increment(); }

    /** Counts a control request and how long the gateway took to answer it. */
    public void request(Gateway.HandledRequest handled) {
        Timer.builder("opencti.requests").tag("action", handled.request().action().wireName())
                .tag("result", handled.result() == null ? "ok" : handled.result().name())
                .publishPercentileHistogram().description("WebSocket control requests, until their result")
                .register(registry).record(handled.took());
    }

    /** Times one REST request; {@code route} is the path template, never the raw path (bounded cardinality). */
    public void httpRequest(String method, String route, int status, Duration took) {
        Timer.builder("opencti.http.requests").tag("method", method).tag("route", route).tag("status", String.valueOf(status))
                .publishPercentileHistogram().description("REST requests").register(registry).record(took);
    }

    /** The recording, counting every event it is handed (the gateway hands it each delivered event). */
    public Recording countingDeliveries(Recording recording) {
        return new Recording() {
            @Override public void event(CtiEvent event) {
                delivered(event.getClass().getSimpleName()).increment();
                recording.event(event);
            }

            @Override public void wrapUp(AgentId agentId, WrapUp wrapUp) { recording.wrapUp(agentId, wrapUp); }
        };
    }
}
