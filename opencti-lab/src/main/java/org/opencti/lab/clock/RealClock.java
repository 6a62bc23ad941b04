package org.opencti.lab.clock;

import java.time.Instant;

/** Wall-clock time: timers fire when their moment comes. */
public record RealClock() implements LabClock {

    @Override
    public Instant now() {
        return Instant.now();
    }
}
