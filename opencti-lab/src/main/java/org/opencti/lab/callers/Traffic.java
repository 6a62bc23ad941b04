package org.opencti.lab.callers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.opencti.lab.clock.EventLoop;
import org.opencti.lab.clock.Timer;
import org.opencti.lab.config.Customer;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.config.QueueTraffic;
import org.opencti.lab.pbx.CstaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Random callers by the configured profile: Poisson arrivals per queue (exponential gaps from the lab's seeded
 * random source), each caller a customer with its {@code accountId} attached or, for the configured share, a
 * number that is no customer's; patience and talk time drawn per call. Loop-confined.
 */
public final class Traffic {

    private static final Logger log = LoggerFactory.getLogger(Traffic.class);

    private final EventLoop loop;
    private final Callers callers;
    private final LabConfig config;
    private final RandomGenerator random;
    private final double rateFactor;
    private final List<Timer> arrivals = new ArrayList<>();
    private boolean running;
    private long placed;

    /** {@code rateFactor} scales every queue's {@code callsPerHour} (1 = as configured). */
    public Traffic(EventLoop loop, Callers callers, LabConfig config, RandomGenerator random, double rateFactor) {
        this.loop = loop;
        this.callers = callers;
        this.config = config;
        this.random = random;
        this.rateFactor = rateFactor;
    }

    /** The factor that makes the configured profile total {@code callsPerSecond}. */
    public static double factorFor(LabConfig config, double callsPerSecond) {
        double perHour = config.traffic().callsPerHour();
        if (perHour <= 0)
            throw new IllegalArgumentException("Cannot run " + callsPerSecond + " calls/s: the traffic profile has no queue with callsPerHour > 0");
        return callsPerSecond * 3600 / perHour;
    }

    public void start() {
        running = true;
        for (QueueTraffic profile : config.traffic().queues())
            if (profile.callsPerHour() * rateFactor > 0)
                next(profile);
    }

    /** No more arrivals; callers already on a call finish by their script. */
    public void stop() {
        running = false;
        arrivals.forEach(Timer::cancel);
        arrivals.clear();
    }

    public long placed() {
        return placed;
    }

    private void next(QueueTraffic profile) {
        double perSecond = profile.callsPerHour() * rateFactor / 3600;
        double gapSeconds = -Math.log(1.0 - random.nextDouble()) / perSecond;
        Timer[] timer = new Timer[1];
        timer[0] = loop.schedule(Duration.ofNanos(Math.max(1_000_000L, Math.round(gapSeconds * 1e9))), () -> {
            arrivals.remove(timer[0]);
            if (!running)
                return;
            arrive(profile);
            next(profile);
        });
        arrivals.add(timer[0]);
    }

    private void arrive(QueueTraffic profile) {
        String dnis = config.queue(profile.queue()).orElseThrow().device();
        List<Customer> customers = config.customers();
        boolean customer = !customers.isEmpty() && random.nextDouble() >= config.traffic().nonCustomerShare();
        ScriptedCall call;
        if (customer) {
            Customer who = customers.get(random.nextInt(customers.size()));
            call = ScriptedCall.from(who.phone(), dnis).withData(Map.of("accountId", who.accountId()));
        } else {
            call = ScriptedCall.from("07" + String.format("%08d", random.nextInt(100_000_000)), dnis);
        }
        call = call.abandoningAfter(positive(profile.patience().sample(random))).talkingFor(positive(profile.talk().sample(random)));
        try {
            callers.place(call);
            placed++;
        } catch (CstaException e) {
            log.warn("Traffic could not place a call from {} to {}: {}", call.from(), dnis, e.getMessage());
        }
    }

    private static Duration positive(Duration duration) {
        return duration.isZero() ? Duration.ofMillis(1) : duration;
    }
}
