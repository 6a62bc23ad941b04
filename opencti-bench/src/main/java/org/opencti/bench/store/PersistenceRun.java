package org.opencti.bench.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opencti.bench.target.BenchStore;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.DisconnectCause;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.store.Store;
import org.opencti.store.WhenBufferFull;
import org.opencti.store.WriterCounters;

/**
 * The store's own ceiling: the events of {@code calls} whole calls (Offering, Established, Disconnected, and the
 * agent's Busy, AfterCallWork and Ready) recorded as fast as one thread can, the way the gateway records delivered
 * events, until every row is committed. The writer blocks the caller instead of dropping when its buffer is full, so
 * nothing is lost and the rate is what the database takes. A newer version of an interaction still waiting in the
 * buffer replaces the older (as in production), so an interaction costs one to three row writes.
 */
public final class PersistenceRun {

    /** @param interactionsPerSecond committed interactions / elapsed; {@code stateRowsPerSecond} the same for state rows */
    public record Result(BenchStore.Kind store, int calls, double seconds, long interactions, long stateRows,
                         double interactionsPerSecond, double stateRowsPerSecond, WriterCounters counters) {}

    private PersistenceRun() {}

    public static Result run(BenchStore where, int calls, int agents) {
        long started;
        long elapsed;
        WriterCounters counters;
        try (Store store = where.open(config -> config.withBuffer(100_000, WhenBufferFull.BLOCK_CALLER, 500))) {
            Instant base = Instant.now();
            started = System.nanoTime();
            for (int i = 0; i < calls; i++)
                for (CtiEvent event : call(i, agents, base.plusMillis(i))) store.recorder().record(event);
            if (!store.awaitFlushed(Duration.ofMinutes(5)))
                throw new IllegalStateException("The store did not write " + calls + " calls within 5 minutes: " + store.counters());
            elapsed = System.nanoTime() - started;
            counters = store.counters();
        }
        double seconds = elapsed / 1e9;
        long interactions = where.count("interactions");
        long stateRows = where.count("agent_state_log");
        return new Result(where.kind(), calls, seconds, interactions, stateRows, interactions / seconds, stateRows / seconds, counters);
    }

    private static List<CtiEvent> call(int i, int agents, Instant at) {
        AgentId agent = new AgentId(String.valueOf(20_001 + i % agents));
        String device = String.valueOf(10_001 + i % agents);
        CallId callId = new CallId("p-" + i);
        EventHeader header = EventHeader.of(at, agent, device);
        Map<String, String> data = Map.of("accountId", "A-" + (1001 + i % 200));
        return List.of(
                callState(header, ConnectionState.Offering, callId, data, null),
                new AgentStateEvent(header, AgentState.Busy, null, AgentState.Ready, null, null, null),
                callState(header, ConnectionState.Established, callId, data, null),
                callState(header, ConnectionState.Disconnected, callId, data, DisconnectCause.Normal),
                new AgentStateEvent(header, AgentState.AfterCallWork, null, AgentState.Busy, null, null, null),
                new AgentStateEvent(header, AgentState.Ready, null, AgentState.AfterCallWork, null, null, null));
    }

    private static CallStateEvent callState(EventHeader header, ConnectionState name, CallId callId, Map<String, String> data,
                                            DisconnectCause cause) {
        return new CallStateEvent(header, name, callId, callId, CallType.Inbound, "0612345007", "8001", "0612345007", "sales",
                null, null, null, data, List.of(), cause, null);
    }
}
