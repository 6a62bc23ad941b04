package org.opencti.server.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.DisconnectCause;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.QueueEvent;

/**
 * Live statistics per queue, counted from the queue monitors' {@code QueueEvent}s and the agents' call events, the
 * way the lab's ACD counts them: a call is <em>offered</em> the first time it is queued (a ring-no-answer requeue is
 * the same offer), <em>answered</em> when an agent's leg of it is Established, <em>abandoned</em> when the caller
 * leaves before that (waiting, or while ringing at an agent).
 *
 * <p>Service level (DESIGN section 3) = calls answered within the queue's {@code serviceLevelSeconds} of first being
 * queued / calls offered that have an outcome (answered or abandoned), abandons under 5 s excluded from both; null
 * while there is no such call. Answers are seen only at agents this server monitors (its logged-in agents).
 */
public final class QueueStatistics {
    /** Callers who hang up this soon after queueing are not held against the service level. */
    static final Duration SHORT_ABANDON = Duration.ofSeconds(5);

    private final Map<String, QueueDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, Counters> counters = new LinkedHashMap<>();
    private final Map<CallId, Pending> pending = new HashMap<>();

    public QueueStatistics(List<QueueDefinition> queues) {
        queues.forEach(q -> {
            definitions.put(q.id(), q);
            counters.put(q.id(), new Counters());
        });
    }

    /** The configured queues, in configuration order. */
    public List<QueueDefinition> definitions() { return List.copyOf(definitions.values()); }

    /** One queue now. {@code serviceLevel} is 0..1, null when no call has an outcome yet. */
    public record Snapshot(String queue, String device, int waiting, long longestWaitSeconds, long offered,
                           long answered, long abandoned, Double serviceLevel, int serviceLevelSeconds) {}

    private static final class Counters {
        int waiting;
        long offered;
        long answered;
        long answeredInTime;
        long abandoned;
        long shortAbandons;
    }

    /** A call offered to a queue and not yet answered or abandoned. */
    private static final class Pending {
        final String queue;
        final Instant firstQueued;
        boolean waiting = true;

        Pending(String queue, Instant firstQueued) {
            this.queue = queue;
            this.firstQueued = firstQueued;
        }
    }

    public synchronized void queueEvent(QueueEvent event) {
        Counters queue = counters(event.queue());
        queue.waiting = event.waiting();
        Pending call = pending.get(event.callId());
        switch (event.name()) {
            case CallQueued -> {
                if (call == null) {
                    pending.put(event.callId(), new Pending(event.queue(), event.at()));
                    queue.offered++;
                } else {
                    call.waiting = true; // back from an agent who did not answer: the same offer
                }
            }
            case CallDequeued -> {
                if (call == null) return;
                switch (event.reason()) {
                    case Distributed -> call.waiting = false;
                    case Abandoned -> abandoned(event.callId(), call, event.at());
                    case Transferred -> pending.remove(event.callId());
                }
            }
        }
    }

    /** An agent's call event: the answer (or the caller's hang-up while it rang) of a queued call. */
    public synchronized void callEvent(CallStateEvent event) {
        Pending call = pending.get(event.callId());
        if (call == null) return;
        if (event.name() == ConnectionState.Established) {
            pending.remove(event.callId());
            Counters queue = counters(call.queue);
            queue.answered++;
            long waited = Duration.between(call.firstQueued, event.at()).toSeconds();
            if (waited <= definition(call.queue).serviceLevelSeconds()) queue.answeredInTime++;
        } else if (event.name() == ConnectionState.Disconnected && !call.waiting
                && event.cause() != DisconnectCause.NoAnswer && event.cause() != DisconnectCause.Redirected) {
            abandoned(event.callId(), call, event.at());
        }
    }

    public synchronized List<Snapshot> snapshot(Instant now) {
        List<Snapshot> snapshots = new ArrayList<>();
        counters.forEach((id, c) -> {
            Instant oldest = pending.values().stream().filter(p -> p.waiting && p.queue.equals(id)).map(p -> p.firstQueued)
                    .min(Instant::compareTo).orElse(null);
            long longest = c.waiting == 0 || oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
            long outcomes = c.answered + c.abandoned - c.shortAbandons;
            QueueDefinition definition = definition(id);
            snapshots.add(new Snapshot(id, definition.device(), c.waiting, longest, c.offered, c.answered, c.abandoned,
                    outcomes == 0 ? null : (double) c.answeredInTime / outcomes, definition.serviceLevelSeconds()));
        });
        return snapshots;
    }

    private void abandoned(CallId callId, Pending call, Instant at) {
        pending.remove(callId);
        Counters queue = counters(call.queue);
        queue.abandoned++;
        if (Duration.between(call.firstQueued, at).compareTo(SHORT_ABANDON) < 0) queue.shortAbandons++;
    }

    private Counters counters(String queue) { return counters.computeIfAbsent(queue, q -> new Counters()); }

    /** A queue nobody configured (the switch reports it anyway) counts with the default service-level time. */
    private QueueDefinition definition(String queue) {
        return definitions.computeIfAbsent(queue, q -> new QueueDefinition(q, q, QueueDefinition.DEFAULT_SERVICE_LEVEL_SECONDS));
    }
}
