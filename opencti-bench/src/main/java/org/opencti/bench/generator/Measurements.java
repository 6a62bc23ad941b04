package org.opencti.bench.generator;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the desktops measure, shared by all of them. Latencies are recorded in microseconds in HdrHistograms, only
 * while {@link #measuring} (the load window); the counters used for the loss check count always.
 *
 * <p>Clock: event latency compares the event's {@code at} (stamped by the server's connector with the machine's wall
 * clock when the CTI event arrives from the lab) with the receive time here, on the same machine. The receive time is
 * the wall clock read once at start and then advanced by {@link System#nanoTime()}, so it never jumps within a run;
 * {@link #clockStepMicros()} reports how far the wall clock moved against it by the end (an NTP step during the run),
 * which would shift every event latency by that much. {@code at} has millisecond resolution (the wire format), so
 * event latencies read up to 1 ms high (0.5 ms on average). Round trips use {@code nanoTime} alone.
 */
public final class Measurements {
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    final Histogram eventLatency = histogram();
    final Histogram roundTrip = histogram();
    final Histogram screenPop = histogram();
    final LongAdder eventsTotal = new LongAdder();
    final LongAdder eventsInWindow = new LongAdder();
    final LongAdder callsAnswered = new LongAdder();
    final LongAdder callsAnsweredInWindow = new LongAdder();
    final LongAdder seqGaps = new LongAdder();
    final LongAdder negativeLatencies = new LongAdder();
    final LongAdder popsWithoutCustomer = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    volatile boolean measuring;

    private final long anchorEpochMicros;
    private final long anchorNanos;

    public Measurements() {
        Instant now = Instant.now();
        anchorNanos = System.nanoTime();
        anchorEpochMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Wall-clock microseconds, monotonic within the run (see the class comment). */
    long nowEpochMicros() { return anchorEpochMicros + (System.nanoTime() - anchorNanos) / 1_000; }

    /** How far the wall clock has moved away from {@link #nowEpochMicros()} since the start. */
    long clockStepMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000 - nowEpochMicros();
    }

    void eventLatency(long micros) {
        if (micros < 0) {
            negativeLatencies.increment();
            micros = 0;
        }
        if (measuring) eventLatency.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    void roundTrip(long micros) { if (measuring) roundTrip.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS)); }

    void screenPop(long micros) { if (measuring) screenPop.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS)); }

    void error(String code) { errors.computeIfAbsent(code, c -> new LongAdder()).increment(); }

    private static Histogram histogram() { return new ConcurrentHistogram(HIGHEST_MICROS, 3); }
}
