package org.opencti.lab.config;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A random duration in seconds: exponential around {@code meanSeconds}, kept within {@code minSeconds} and
 * {@code maxSeconds}. {@code min = mean = max} gives a constant.
 */
public record TimeDistribution(double meanSeconds, double minSeconds, double maxSeconds) {

    public static TimeDistribution constant(double seconds) {
        return new TimeDistribution(seconds, seconds, seconds);
    }

    public static TimeDistribution of(double mean, double min, double max) {
        return new TimeDistribution(mean, min, max);
    }

    /** Draws one duration, to the millisecond; always draws one number so the random sequence never depends on the shape. */
    public Duration sample(RandomGenerator random) {
        double draw = -Math.log(1.0 - random.nextDouble()) * meanSeconds;
        double seconds = Math.max(minSeconds, Math.min(maxSeconds, draw));
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** e.g. {@code mean 180 s (20..900)} */
    @Override
    public String toString() {
        return "mean " + meanSeconds + " s (" + minSeconds + ".." + maxSeconds + ")";
    }
}
