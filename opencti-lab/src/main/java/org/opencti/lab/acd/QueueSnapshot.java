package org.opencti.lab.acd;

import java.util.List;

/** A queue and the calls waiting in it, the next to be served first. */
public record QueueSnapshot(String queueId, String device, List<String> waitingCalls) {
    public QueueSnapshot {
        waitingCalls = List.copyOf(waitingCalls);
    }
}
