package org.opencti.lab.soak;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabHealth;
import org.opencti.lab.LabOptions;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.protocol.EventLogDigest;

/**
 * Runs the lab for N virtual hours at a call rate with simulated agents on a virtual clock, checking invariants
 * every {@code checkEvery} and at the end: no call leaks (created = cleared + merged + current), every agent's
 * state consistent with its device, queue totals balanced (offered = answered + abandoned + pending), and, once
 * traffic stopped and the last callers finished, nothing left (no call, caller, merged id or indexed device);
 * retained heap after GC at each checkpoint must stay within 1.5 x the first one + 64 MB. Prints progress and a
 * summary. {@code ./opencti lab --soak-hours N --call-rate R} runs it; so does {@link #main}.
 *
 * {@snippet :
 * SoakReport report = LabSoak.run(new LabSoak.Settings(1, 20, 42, Duration.ofMinutes(10)), System.out);
 * }
 */
public final class LabSoak {

    /**
     * How long (virtual hours), how busy (calls per second over all queues), the seed, the checkpoint period and
     * whether to digest the event log (SHA-256 in the summary: equal seeds give equal digests; costs time).
     */
    public record Settings(double hours, double callsPerSecond, long seed, Duration checkEvery, boolean digestEventLog) {
        public Settings(double hours, double callsPerSecond, long seed, Duration checkEvery) {
            this(hours, callsPerSecond, seed, checkEvery, false);
        }

        public Settings {
            if (!(hours > 0 && hours <= 24 * 365))
                throw new IllegalArgumentException("--soak-hours " + hours + " is out of range; expected above 0, at most 8760");
            if (!(callsPerSecond > 0 && callsPerSecond <= 1000))
                throw new IllegalArgumentException("--call-rate " + callsPerSecond + " is out of range; expected above 0, at most 1000");
            if (checkEvery.isNegative() || checkEvery.isZero())
                throw new IllegalArgumentException("checkEvery must be positive, got " + checkEvery);
        }
    }

    private static final Duration STEP = Duration.ofMinutes(1);
    private static final Duration MAX_DRAIN = Duration.ofHours(2);

    private LabSoak() {
    }

    public static SoakReport run(Settings settings, PrintStream out) {
        long started = System.nanoTime();
        LabConfig config = SoakConfig.forRate(settings.callsPerSecond());
        VirtualClock clock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
        EventLogDigest digest = new EventLogDigest();
        LabOptions options = LabOptions.defaults().withCstaPort(0).withSeed(settings.seed()).withTraffic(true)
                .withCallRate(settings.callsPerSecond());
        List<String> violations = new ArrayList<>();
        long baseline = -1;
        long maxHeap = 0;
        out.printf("Soak: %s virtual hours at %s calls/s, %d simulated agents, seed %d%n", settings.hours(),
                settings.callsPerSecond(), config.agents().size(), settings.seed());
        try (ContactCentreLab lab = settings.digestEventLog()
                ? ContactCentreLab.create(config, clock, options, LabClock.real(), digest)
                : ContactCentreLab.create(config, clock, options)) {
            lab.start();
            Duration total = Duration.ofMillis(Math.round(settings.hours() * 3_600_000));
            Duration elapsed = Duration.ZERO;
            Duration nextCheck = settings.checkEvery();
            while (elapsed.compareTo(total) < 0) {
                Duration step = STEP.compareTo(total.minus(elapsed)) < 0 ? STEP : total.minus(elapsed);
                clock.advance(step);
                elapsed = elapsed.plus(step);
                if (elapsed.compareTo(nextCheck) >= 0 || elapsed.equals(total)) {
                    nextCheck = nextCheck.plus(settings.checkEvery());
                    LabHealth health = lab.health();
                    long heap = retainedHeap();
                    baseline = baseline < 0 ? heap : baseline;
                    maxHeap = Math.max(maxHeap, heap);
                    Duration at = elapsed;
                    health.problems(false).forEach(p -> violations.add(at + ": " + p));
                    if (heap > baseline * 3 / 2 + (64L << 20))
                        violations.add(elapsed + ": retained heap grew from " + (baseline >> 20) + " MB to " + (heap >> 20) + " MB");
                    out.printf("  %s: %d calls placed, %d in progress, %d timers, heap %d MB%s%n", elapsed,
                            lab.trafficCallsPlaced(), health.calls(), health.pendingTimers(), heap >> 20,
                            health.problems(false).isEmpty() ? "" : ", " + health.problems(false).size() + " problems");
                }
            }
            lab.stopTraffic();
            Duration drained = Duration.ZERO;
            while (lab.health().calls() > 0 && drained.compareTo(MAX_DRAIN) < 0) {
                clock.advance(STEP);
                drained = drained.plus(STEP);
            }
            clock.advance(Duration.ofMinutes(2)); // the last after-call work ends; agents are Ready again
            LabHealth end = lab.health();
            end.problems(true).forEach(p -> violations.add("end: " + p));
            SoakReport report = new SoakReport(total, Duration.ofNanos(System.nanoTime() - started), lab.trafficCallsPlaced(),
                    end, baseline, maxHeap, digest.sha256(), digest.lines(), violations);
            out.print(report.summary());
            return report;
        }
    }

    /** {@code --soak-hours N --call-rate R [--seed S]}; exits 1 when an invariant failed. */
    public static void main(String[] args) {
        double hours = 1;
        double rate = 20;
        long seed = 1;
        boolean digest = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--soak-hours" -> { hours = Double.parseDouble(value); i++; }
                case "--call-rate" -> { rate = Double.parseDouble(value); i++; }
                case "--seed" -> { seed = Long.parseLong(value); i++; }
                case "--event-log-digest" -> digest = true;
                default -> throw new IllegalArgumentException("Unknown option '" + args[i]
                        + "'; expected --soak-hours N, --call-rate R, --seed S, --event-log-digest");
            }
        }
        SoakReport report = run(new Settings(hours, rate, seed, Duration.ofMinutes(10), digest), System.out);
        if (!report.passed())
            System.exit(1);
    }

    private static long retainedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
