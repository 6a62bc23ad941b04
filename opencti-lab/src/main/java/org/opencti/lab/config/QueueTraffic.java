package org.opencti.lab.config;

import java.util.Objects;

/**
 * Random callers of one queue: Poisson arrivals at {@code callsPerHour}; each caller abandons after its
 * {@code patience} unless answered and hangs up after its {@code talk} time. Simulated agents answer after
 * {@code answer}, hold a share {@code holdShare} of calls once for {@code hold}, and leave after-call work after
 * {@code wrap} (never later than the queue's own wrap time).
 */
public record QueueTraffic(String queue, double callsPerHour, TimeDistribution talk, double holdShare,
                           TimeDistribution hold, TimeDistribution wrap, TimeDistribution patience,
                           TimeDistribution answer) {
    public QueueTraffic {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(talk, "talk");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(wrap, "wrap");
        Objects.requireNonNull(patience, "patience");
        Objects.requireNonNull(answer, "answer");
    }
}
