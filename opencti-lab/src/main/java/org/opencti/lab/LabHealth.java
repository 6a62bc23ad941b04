package org.opencti.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencti.lab.pbx.QueueStatistics;

/**
 * The lab's bookkeeping at one moment, for leak and consistency checks (the soak runs them).
 *
 * @param callsCreated    calls ever created; each one is cleared, merged into another by a transfer or conference, or current
 * @param activeCallers   scripted and random callers still on a call
 * @param mergedCallIds   old ids of transferred/conferenced calls still remembered (only while the resulting call lives)
 * @param devicesOnCalls  devices the switch's index lists as being on some call
 * @param agentProblems   agents whose state disagrees with their device (Busy exactly when on a call)
 */
public record LabHealth(Instant at, int calls, long callsCreated, long callsCleared, long callsMerged, int activeCallers,
                        int mergedCallIds, int devicesOnCalls, int pendingTimers, List<String> agentProblems,
                        Map<String, QueueStatistics> queues) {

    public LabHealth {
        agentProblems = List.copyOf(agentProblems);
        queues = Map.copyOf(queues);
    }

    /** What is wrong now; {@code idle}: no call should exist any more (after traffic stopped and drained). */
    public List<String> problems(boolean idle) {
        List<String> problems = new ArrayList<>(agentProblems);
        if (callsCreated != callsCleared + callsMerged + calls)
            problems.add("call leak: " + callsCreated + " created != " + callsCleared + " cleared + " + callsMerged + " merged + "
                    + calls + " current");
        queues.forEach((queue, statistics) -> {
            if (!statistics.balanced())
                problems.add("queue " + queue + " unbalanced: " + statistics);
        });
        if (idle) {
            if (calls != 0)
                problems.add(calls + " calls still exist");
            if (activeCallers != 0)
                problems.add(activeCallers + " callers still on a call");
            if (mergedCallIds != 0)
                problems.add(mergedCallIds + " merged call ids still remembered");
            if (devicesOnCalls != 0)
                problems.add(devicesOnCalls + " devices still indexed as on a call");
            queues.forEach((queue, statistics) -> {
                if (statistics.pending() != 0)
                    problems.add("queue " + queue + " still has " + statistics.pending() + " pending calls");
            });
        }
        return problems;
    }
}
