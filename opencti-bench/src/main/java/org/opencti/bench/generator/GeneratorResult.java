package org.opencti.bench.generator;

import java.util.Map;

/**
 * What one generator run measured, sent to the bench as one JSON line ({@code RESULT {...}}).
 *
 * @param eventsTotal        event frames received since the first login (compared with the server's count: loss)
 * @param eventsInWindow     event frames received during the load window
 * @param seqGaps            events missing from a session's gap-free {@code seq} numbering
 * @param negativeLatencies  events received "before" their {@code at}: the clocks disagree (counted as 0)
 * @param clockStepMicros    how far the wall clock moved against the monotonic receive clock during the run
 */
public record GeneratorResult(int agents, int loggedIn, double loginSeconds, double windowSeconds, long eventsTotal,
                              long eventsInWindow, long callsAnswered, long callsAnsweredInWindow, long seqGaps,
                              long negativeLatencies, long popsWithoutCustomer, long clockStepMicros,
                              Map<String, Long> errors, Percentiles eventLatency, Percentiles roundTrip,
                              Percentiles screenPop) {
}
