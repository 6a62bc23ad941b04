package org.opencti.lab.soak;

import java.time.Duration;
import java.util.List;
import org.opencti.lab.LabHealth;

/**
 * What a soak run saw: the virtual time covered, the calls placed, the lab's final bookkeeping, the retained heap
 * after GC at the first and the largest checkpoint, the event log's SHA-256 and every invariant that failed.
 */
public record SoakReport(Duration virtualTime, Duration realTime, long callsPlaced, LabHealth finalHealth,
                         long baselineHeapBytes, long maxHeapBytes, String eventLogSha256, long eventLogLines,
                         List<String> violations) {

    public SoakReport {
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** The summary printed at the end of a run. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Soak %s: %s virtual in %.1f s real, %d calls placed%n", passed() ? "PASSED" : "FAILED",
                virtualTime, realTime.toMillis() / 1000.0, callsPlaced));
        finalHealth.queues().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(q -> text.append(
                String.format("  queue %-8s offered %d, answered %d, abandoned %d, pending %d%n", q.getKey(),
                        q.getValue().offered(), q.getValue().answered(), q.getValue().abandoned(), q.getValue().pending())));
        text.append(String.format("  calls created %d, cleared %d; retained heap %d MB at first checkpoint, %d MB at most%n",
                finalHealth.callsCreated(), finalHealth.callsCleared(), baselineHeapBytes >> 20, maxHeapBytes >> 20));
        text.append("  event log: ").append(eventLogLines).append(" lines, sha256 ").append(eventLogSha256).append('\n');
        violations.forEach(v -> text.append("  VIOLATION: ").append(v).append('\n'));
        return text.toString();
    }
}
