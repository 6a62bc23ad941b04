package org.opencti.lab.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Time that moves only on demand. {@link #advance(Duration)} returns once every timer due in the interval has
 * run, in due order, on the event loop of each lab using this clock; the clock reads each timer's due time
 * while it runs.
 */
public final class VirtualClock implements LabClock {

    private volatile Instant now;
    private final List<EventLoop> loops = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterAdvance = new CopyOnWriteArrayList<>();

    VirtualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant now() {
        return now;
    }

    /** Moves time forward by {@code duration}, running due timers; blocks until they have run. */
    public void advance(Duration duration) {
        if (duration.isNegative())
            throw new IllegalArgumentException("Cannot advance a virtual clock by " + duration + "; expected zero or more");
        Instant target = now.plus(duration);
        for (EventLoop loop : loops)
            loop.advanceTo(target);
        now = target;
        afterAdvance.forEach(Runnable::run);
    }

    /**
     * Runs {@code hook} (on the advancing thread) after every {@link #advance}, once time has moved: how things that
     * are not lab timers (e.g. CSTA session expiry on an injected session clock) follow a virtual clock.
     */
    public void afterAdvance(Runnable hook) {
        afterAdvance.add(hook);
    }

    /** Removes a hook added with {@link #afterAdvance}. */
    public void removeAfterAdvance(Runnable hook) {
        afterAdvance.remove(hook);
    }

    void attach(EventLoop loop) {
        loops.add(loop);
    }

    void detach(EventLoop loop) {
        loops.remove(loop);
    }

    /** Called by the loop while it runs timers; time never moves backwards. */
    void set(Instant instant) {
        if (instant.isAfter(now))
            now = instant;
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now + "]";
    }
}
