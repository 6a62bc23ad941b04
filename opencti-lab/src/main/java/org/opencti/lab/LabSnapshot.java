package org.opencti.lab;

import java.time.Instant;
import java.util.List;
import org.opencti.lab.acd.AgentSnapshot;
import org.opencti.lab.acd.QueueSnapshot;
import org.opencti.lab.pbx.CallSnapshot;

/** The whole lab at one moment: equal snapshots mean nothing changed. */
public record LabSnapshot(Instant at, List<AgentSnapshot> agents, List<CallSnapshot> calls, List<QueueSnapshot> queues) {
    public LabSnapshot {
        agents = List.copyOf(agents);
        calls = List.copyOf(calls);
        queues = List.copyOf(queues);
    }
}
