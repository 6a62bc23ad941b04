package org.opencti.server.gateway;

import java.time.Duration;

/**
 * Timing and bounds of the gateway. {@code desktopLostAfter}: a Ready agent with no tab for this long is made
 * NotReady with {@code desktopLostReason}; {@code sessionGrace}: the session survives this long without a tab.
 * {@code sendQueueFrames} / {@code sendQueueBytes}: how far one socket's reader may fall behind before the socket is
 * closed (it resumes from the session's replay buffer); keep them above {@code replayCapacity} frames, which a
 * resume may send at once.
 */
public record GatewaySettings(Duration heartbeat, Duration deadSocketAfter, Duration desktopLostAfter,
                              String desktopLostReason, Duration sessionGrace, int replayCapacity, Duration tokenLifetime,
                              int sendQueueFrames, long sendQueueBytes) {
    public static final GatewaySettings DEFAULTS = new GatewaySettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(10), "DesktopLost", Duration.ofSeconds(60), 1024, Duration.ofHours(12), 4096, 8L << 20);

    public GatewaySettings {
        if (heartbeat.isNegative() || heartbeat.isZero()) throw new IllegalArgumentException("heartbeat must be positive, got " + heartbeat);
        if (deadSocketAfter.compareTo(heartbeat) <= 0)
            throw new IllegalArgumentException("deadSocketAfter (" + deadSocketAfter + ") must be longer than heartbeat (" + heartbeat + ")");
        if (replayCapacity < 1) throw new IllegalArgumentException("replayCapacity must be 1 or more, got " + replayCapacity);
        if (sendQueueFrames < 1) throw new IllegalArgumentException("sendQueueFrames must be 1 or more, got " + sendQueueFrames);
        if (sendQueueBytes < 1024) throw new IllegalArgumentException("sendQueueBytes must be 1024 or more, got " + sendQueueBytes);
    }

    /** The default send-queue bounds. */
    public GatewaySettings(Duration heartbeat, Duration deadSocketAfter, Duration desktopLostAfter, String desktopLostReason,
                           Duration sessionGrace, int replayCapacity, Duration tokenLifetime) {
        this(heartbeat, deadSocketAfter, desktopLostAfter, desktopLostReason, sessionGrace, replayCapacity, tokenLifetime,
                DEFAULTS.sendQueueFrames(), DEFAULTS.sendQueueBytes());
    }

    public GatewaySettings withSendQueue(int frames, long bytes) {
        return new GatewaySettings(heartbeat, deadSocketAfter, desktopLostAfter, desktopLostReason, sessionGrace,
                replayCapacity, tokenLifetime, frames, bytes);
    }
}
