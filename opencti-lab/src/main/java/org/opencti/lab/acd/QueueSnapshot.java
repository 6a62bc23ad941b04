package org.opencti.lab.acd;

import java.util.List;
import org.opencti.lab.pbx.QueueStatistics;

/** A queue, the calls waiting in it (the next to be served first) and its totals since the lab started. */
public record QueueSnapshot(String queueId, String device, List<String> waitingCalls, QueueStatistics statistics) {

    public QueueSnapshot(String queueId, String device, List<String> waitingCalls) {
        this(queueId, device, waitingCalls, new QueueStatistics(0, 0, 0, 0));
    }

    public QueueSnapshot {
        waitingCalls = List.copyOf(waitingCalls);
    }
}
