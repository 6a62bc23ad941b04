package org.opencti.bench.target;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.config.Customer;
import org.opencti.lab.config.LabConfig;

/**
 * Customers calling the queues at a steady rate: Poisson arrivals (exponential gaps, seeded), each caller one of the
 * lab's customers with its {@code accountId} attached (so every call pops a record), spread over the queue numbers.
 * Callers are patient (10 min) and never hang up first (1 h of talk): the bench's agents end every call, so the
 * OpenCTI run and the baseline run follow the same script. Calls go to {@code place}, e.g. the lab's
 * {@code placeCall} (the lab's scripted callers then ring the agents) or the baseline's relay.
 */
public final class BenchCallers implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-callers");
        thread.setDaemon(true);
        return thread;
    });
    private final SplittableRandom random;
    private final List<Customer> customers;
    private final List<String> queueNumbers;
    private final Consumer<ScriptedCall> place;
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile double perSecond;
    private volatile boolean running;
    private long nextArrivalNanos;

    public BenchCallers(LabConfig lab, long seed, Consumer<ScriptedCall> place) {
        this.random = new SplittableRandom(seed);
        this.customers = lab.customers();
        this.queueNumbers = lab.queues().stream().map(q -> q.device()).toList();
        this.place = place;
    }

    /** Starts (or changes) the arrival rate, in calls per second. */
    public void start(double callsPerSecond) {
        if (!(callsPerSecond > 0)) throw new IllegalArgumentException("call rate must be above 0, got " + callsPerSecond);
        perSecond = callsPerSecond;
        if (!running) {
            running = true;
            timer.execute(() -> {
                nextArrivalNanos = System.nanoTime();
                arrive();
            });
        }
    }

    public void stop() { running = false; }

    public long placed() { return placed.get(); }

    public long failed() { return failed.get(); }

    private void arrive() {
        if (!running) return;
        Customer who = customers.get(random.nextInt(customers.size()));
        String dnis = queueNumbers.get(random.nextInt(queueNumbers.size()));
        try {
            place.accept(ScriptedCall.from(who.phone(), dnis).withData(Map.of("accountId", who.accountId()))
                    .abandoningAfter(Duration.ofMinutes(10)).talkingFor(Duration.ofHours(1)));
            placed.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
        // Arrivals keep their own schedule: a slow placement delays the next call, never the rate.
        nextArrivalNanos += Math.round(-Math.log(1.0 - random.nextDouble()) / perSecond * 1e9);
        timer.schedule(this::arrive, Math.max(0, nextArrivalNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override public void close() {
        running = false;
        timer.shutdownNow();
    }
}
