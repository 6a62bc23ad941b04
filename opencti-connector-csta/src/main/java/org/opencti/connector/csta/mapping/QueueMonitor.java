package org.opencti.connector.csta.mapping;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencti.connector.csta.xml.CstaEvent;
import org.opencti.model.CallId;
import org.opencti.model.DequeueReason;
import org.opencti.model.QueueChange;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.QueueEvent;

/** The events of a monitored queue device as {@code QueueEvent}s for supervisors (no agent). Guard with its monitor. */
public final class QueueMonitor implements Monitored {
    private final String queueDevice;
    private final Directory directory;
    private final Set<String> waiting = new LinkedHashSet<>();

    public QueueMonitor(String queueDevice, Directory directory) {
        this.queueDevice = queueDevice;
        this.directory = directory;
        directory.queueSeen(queueDevice);
    }

    public String queueDevice() { return queueDevice; }

    public List<QueueEvent> apply(CstaEvent event, Instant at) {
        return switch (event) {
            case CstaEvent.Queued q -> {
                if (!queueDevice.equals(q.connection().deviceId())) yield List.of();
                waiting.add(q.connection().callId());
                yield List.of(queued(q.connection().callId(), QueueChange.CallQueued, null, at));
            }
            case CstaEvent.Delivered d -> dequeued(d.connection().callId(), DequeueReason.Distributed, at);
            case CstaEvent.ConnectionCleared c -> dequeued(c.connection().callId(), DequeueReason.Abandoned, at);
            case CstaEvent.CallCleared c -> dequeued(c.callId(), DequeueReason.Abandoned, at);
            case CstaEvent.Transferred t -> t.primaryOldCall() == null ? List.of()
                    : dequeued(t.primaryOldCall().callId(), DequeueReason.Transferred, at);
            // None of these takes a call out of the queue or puts one in.
            case CstaEvent.ServiceInitiated e -> List.of();
            case CstaEvent.Originated e -> List.of();
            case CstaEvent.Established e -> List.of();
            case CstaEvent.Held e -> List.of();
            case CstaEvent.Retrieved e -> List.of();
            case CstaEvent.Conferenced e -> List.of();
            case CstaEvent.Diverted e -> List.of();
            case CstaEvent.Failed e -> List.of();
            case CstaEvent.CallInformation e -> List.of();
            case CstaEvent.AgentChanged e -> List.of();
        };
    }

    /** A call that was waiting here left the queue; other calls' events change nothing. */
    private List<QueueEvent> dequeued(String callId, DequeueReason reason, Instant at) {
        if (!waiting.remove(callId)) return List.of();
        return List.of(queued(callId, QueueChange.CallDequeued, reason, at));
    }

    private QueueEvent queued(String callId, QueueChange change, DequeueReason reason, Instant at) {
        return new QueueEvent(EventHeader.of(at, null, queueDevice), change, directory.queueName(queueDevice),
                new CallId(callId), waiting.size(), reason);
    }
}
