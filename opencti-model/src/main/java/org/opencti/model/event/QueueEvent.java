package org.opencti.model.event;

import org.opencti.model.CallId;
import org.opencti.model.DequeueReason;
import org.opencti.model.QueueChange;
import org.opencti.model.Require;

/**
 * A call entered or left a queue, for supervisors and wallboards. {@code device} is the queue's DNIS;
 * {@code agentId} is the receiving supervisor once delivered. {@code waiting} counts calls waiting after the change.
 */
public record QueueEvent(EventHeader header, QueueChange name, String queue, CallId callId, int waiting,
                         DequeueReason reason) implements CtiEvent {
    public QueueEvent {
        Require.present("header", header);
        Require.present("name", name);
        Require.nonBlank("queue", queue);
        Require.present("callId", callId);
        if (waiting < 0) throw new IllegalArgumentException("waiting must be 0 or more, got " + waiting);
        if (name == QueueChange.CallDequeued && reason == null)
            throw new IllegalArgumentException("reason is required when name is CallDequeued");
        if (name == QueueChange.CallQueued && reason != null)
            throw new IllegalArgumentException("reason is only allowed when name is CallDequeued");
    }

    @Override public String eventName() { return name.name(); }

    @Override public QueueEvent withHeader(EventHeader newHeader) {
        return new QueueEvent(newHeader, name, queue, callId, waiting, reason);
    }
}
