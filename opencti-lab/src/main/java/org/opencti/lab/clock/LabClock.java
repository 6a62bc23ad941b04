package org.opencti.lab.clock;

import java.time.Instant;

/**
 * The lab's notion of time. Ring, ring-no-answer, wrap, patience and traffic timers follow it.
 * A {@link RealClock} follows the wall clock (demos); a {@link VirtualClock} moves only when a test or a soak
 * run advances it, and then fires the timers that fall due, in order, on the lab's {@link EventLoop}.
 */
public sealed interface LabClock permits RealClock, VirtualClock {

    Instant now();

    static RealClock real() {
        return new RealClock();
    }

    /** A virtual clock standing still at {@code start} until {@link VirtualClock#advance} is called. */
    static VirtualClock virtual(Instant start) {
        return new VirtualClock(start);
    }
}
