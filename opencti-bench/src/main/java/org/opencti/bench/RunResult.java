package org.opencti.bench;

import java.util.Map;
import org.opencti.bench.generator.GeneratorResult;

/**
 * One target's run: what the generator measured, and what the bench saw on the server side.
 *
 * @param serverEvents      event frames the target handed to desktop sockets; minus the generator's count = loss
 * @param heapPerSession    live-heap bytes per idle logged-in session: histogram at N minus at N/2, over N/2
 * @param interactionsPerSecond interaction rows committed per second of the window (OpenCTI only)
 */
public record RunResult(String target, GeneratorResult generator, long serverEvents, long callsPlaced, int socketsHeld,
                        double heapPerSession, Map<String, Long> heapTopGrowth, double interactionsPerSecond,
                        double stateRowsPerSecond) {

    public long lostEvents() { return serverEvents - generator.eventsTotal(); }

    public double deliveriesPerSecond() { return generator.eventsInWindow() / generator.windowSeconds(); }

    public double callsPerSecond() { return generator.callsAnsweredInWindow() / generator.windowSeconds(); }
}
