package org.opencti.store.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.opencti.store.StoreException;
import org.opencti.store.WhenBufferFull;

/**
 * The bounded hand-over between the event path and the single writer thread. Writes are keyed by row: a newer
 * version of a row still waiting replaces the older one in place, so an outage costs one slot per interaction,
 * not one per event.
 */
public final class WriteBuffer {
    private final int capacity;
    private final WhenBufferFull whenFull;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final LinkedHashMap<String, PendingWrite<?>> pending = new LinkedHashMap<>();
    private int inFlight;
    private long dropped;
    private boolean closed;

    public WriteBuffer(int capacity, WhenBufferFull whenFull) {
        this.capacity = capacity;
        this.whenFull = whenFull;
    }

    /** Queues a write; returns false when it was dropped because the buffer is full. */
    public boolean offer(PendingWrite<?> write) {
        lock.lock();
        try {
            requireOpen();
            String key = write.key();
            if (pending.containsKey(key)) {
                pending.put(key, write); // replaces in place: LinkedHashMap keeps the first insertion's position
                return true;
            }
            while (pending.size() >= capacity) {
                if (whenFull == WhenBufferFull.DROP_NEWEST) {
                    dropped++;
                    return false;
                }
                notFull.awaitUninterruptibly();
                requireOpen();
            }
            pending.put(key, write);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for writes and takes up to {@code max} of them; an empty list means closed and empty. */
    public List<PendingWrite<?>> take(int max) throws InterruptedException {
        lock.lock();
        try {
            while (pending.isEmpty() && !closed) notEmpty.await();
            List<PendingWrite<?>> batch = new ArrayList<>(Math.min(max, pending.size()));
            Iterator<PendingWrite<?>> it = pending.values().iterator();
            while (it.hasNext() && batch.size() < max) {
                batch.add(it.next());
                it.remove();
            }
            inFlight = batch.size();
            notFull.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** The batch handed out by the last {@link #take} is settled (written, rejected or given up). */
    public void settled() {
        lock.lock();
        try {
            inFlight = 0;
            if (pending.isEmpty()) drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is buffered or being written; false on timeout. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!pending.isEmpty() || inFlight > 0) {
                if (nanos <= 0) return false;
                nanos = drained.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new writes; the writer still takes what is buffered. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Empties the buffer without writing it (the writer gave up); returns how many rows were discarded. */
    public int discard() {
        lock.lock();
        try {
            int count = pending.size();
            pending.clear();
            drained.signalAll();
            return count;
        } finally {
            lock.unlock();
        }
    }

    public int queued() {
        lock.lock();
        try {
            return pending.size() + inFlight;
        } finally {
            lock.unlock();
        }
    }

    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed)
            throw new StoreException("The store is closed; no more writes are accepted. Open a new Store to record again.");
    }
}
