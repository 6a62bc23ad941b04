package org.opencti.lab.pbx;

/**
 * A queue's totals since the lab started: every call offered to the queue is answered (an extension answered
 * it), abandoned (it cleared first) or still pending (waiting, or ringing at an agent).
 */
public record QueueStatistics(long offered, long answered, long abandoned, long pending) {

    /** {@code offered == answered + abandoned + pending}: the soak checks it. */
    public boolean balanced() {
        return offered == answered + abandoned + pending;
    }
}
