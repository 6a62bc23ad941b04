package org.opencti.bench;

import java.time.Duration;

/**
 * The load, the same for the OpenCTI and the baseline runs: {@code agents} desktops, customer calls arriving at
 * {@code callRate} per second for {@code duration}, each talked for {@code talk} before the agent hangs up; a progress
 * line every {@code progress}.
 */
public record LoadShape(int agents, double callRate, Duration duration, Duration talk, Duration progress) {
    public LoadShape {
        if (agents < 2) throw new IllegalArgumentException("--agents must be at least 2 (the heap is measured at N/2 and N), got " + agents);
        if (!(callRate > 0 && callRate <= 1000)) throw new IllegalArgumentException("--call-rate must be above 0 and at most 1000 calls/s, got " + callRate);
        if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("--duration must be positive, got " + duration);
        if (talk.isNegative()) throw new IllegalArgumentException("--talk must not be negative, got " + talk);
    }
}
