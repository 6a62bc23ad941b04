package org.opencti.connector.asterisk.mapping;

import org.opencti.model.DisconnectCause;

/** Asterisk's reasons a leg ended, in canonical terms. One place, so the docs' table and the code agree. */
public final class Causes {
    private Causes() {}

    /**
     * {@code DialEnd}'s {@code DialStatus} for a dial that was not answered (ANSWER is not an end). CANCEL means the
     * caller gave up dialling, which at the calling desk is that agent hanging up.
     */
    public static DisconnectCause ofDialStatus(String dialStatus) {
        if (dialStatus == null) return DisconnectCause.Failed;
        return switch (dialStatus.toUpperCase(java.util.Locale.ROOT)) {
            case "BUSY" -> DisconnectCause.Busy;
            case "NOANSWER" -> DisconnectCause.NoAnswer;
            case "CANCEL" -> DisconnectCause.Normal;
            case "DONTCALL", "TORTURE" -> DisconnectCause.Rejected;
            default -> DisconnectCause.Failed; // CHANUNAVAIL, CONGESTION, INVALIDARGS, ...
        };
    }

    /** {@code Hangup}'s {@code Cause} (Q.850) for a leg that ended before it was answered. */
    public static DisconnectCause ofHangupCause(Integer cause) {
        if (cause == null) return DisconnectCause.Failed;
        return switch (cause) {
            case 16 -> DisconnectCause.Normal;
            case 17 -> DisconnectCause.Busy;
            case 18, 19 -> DisconnectCause.NoAnswer;
            case 21 -> DisconnectCause.Rejected;
            default -> DisconnectCause.Failed;
        };
    }

    /** {@code AgentComplete}'s {@code Reason}: who ended a queue call that was answered. */
    public static DisconnectCause ofAgentComplete(String reason) {
        if (reason == null) return DisconnectCause.Normal;
        return switch (reason.toLowerCase(java.util.Locale.ROOT)) {
            case "caller" -> DisconnectCause.RemoteHangup;
            case "transfer" -> DisconnectCause.Transferred;
            default -> DisconnectCause.Normal; // agent
        };
    }
}
