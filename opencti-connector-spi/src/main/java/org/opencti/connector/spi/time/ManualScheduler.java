package org.opencti.connector.spi.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Virtual time for tests: nothing runs until {@link #advance} moves the clock, which then runs every due task in
 * time order on the calling thread. Thread-safe; a task may schedule further tasks, which run in the same advance
 * if they fall due.
 */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private Instant now;
    private long counter;

    public ManualScheduler(Instant start) { this.now = start; }

    @Override public synchronized Instant now() { return now; }

    @Override public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Timer timer = new Timer(now.plus(delay), counter++, task, null);
        timers.add(timer);
        return timer;
    }

    @Override public synchronized Cancellable every(Duration period, Runnable task) {
        Timer timer = new Timer(now.plus(period), counter++, task, period);
        timers.add(timer);
        return timer;
    }

    /** Moves time forward by {@code duration}, running every task that falls due, in order. */
    public void advance(Duration duration) {
        Instant target;
        synchronized (this) { target = now.plus(duration); }
        while (true) {
            Timer due;
            synchronized (this) {
                due = timers.peek();
                if (due == null || due.at.isAfter(target)) {
                    now = target;
                    return;
                }
                timers.poll();
                now = due.at;
                if (due.cancelled) continue;
                if (due.period != null) {
                    due.at = due.at.plus(due.period);
                    due.order = counter++;
                    timers.add(due);
                }
            }
            due.task.run();
        }
    }

    /** How many live timers are waiting. */
    public synchronized int pending() { return (int) timers.stream().filter(t -> !t.cancelled).count(); }

    private static final class Timer implements Comparable<Timer>, Cancellable {
        private Instant at;
        private long order;
        private final Runnable task;
        private final Duration period;
        private volatile boolean cancelled;

        private Timer(Instant at, long order, Runnable task, Duration period) {
            this.at = at;
            this.order = order;
            this.task = task;
            this.period = period;
        }

        @Override public void cancel() { cancelled = true; }

        @Override public int compareTo(Timer other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
