package org.opencti.lab.clock;

import java.time.Instant;

/** A scheduled task on the event loop. Cancelling is idempotent; a cancelled timer never runs. */
public final class Timer implements Comparable<Timer> {

    private final Instant due;
    private final long sequence;
    private final Runnable task;
    private boolean cancelled;

    Timer(Instant due, long sequence, Runnable task) {
        this.due = due;
        this.sequence = sequence;
        this.task = task;
    }

    public Instant due() {
        return due;
    }

    public void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    void run() {
        if (!cancelled) {
            cancelled = true;
            task.run();
        }
    }

    @Override
    public int compareTo(Timer other) {
        int byDue = due.compareTo(other.due);
        return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }
}
