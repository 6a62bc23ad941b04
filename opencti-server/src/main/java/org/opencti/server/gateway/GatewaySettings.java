package org.opencti.server.gateway;

import java.time.Duration;

/**
 * Timing and bounds of the gateway. {@code desktopLostAfter}: a Ready agent with no tab for this long is made
 * NotReady with {@code desktopLostReason}; {@code sessionGrace}: the session survives this long without a tab.
 */
public record GatewaySettings(Duration heartbeat, Duration deadSocketAfter, Duration desktopLostAfter,
                              String desktopLostReason, Duration sessionGrace, int replayCapacity, Duration tokenLifetime) {
    public static final GatewaySettings DEFAULTS = new GatewaySettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(10), "DesktopLost", Duration.ofSeconds(60), 1024, Duration.ofHours(12));

    public GatewaySettings {
        if (heartbeat.isNegative() || heartbeat.isZero()) throw new IllegalArgumentException("heartbeat must be positive, got " + heartbeat);
        if (deadSocketAfter.compareTo(heartbeat) <= 0)
            throw new IllegalArgumentException("deadSocketAfter (" + deadSocketAfter + ") must be longer than heartbeat (" + heartbeat + ")");
        if (replayCapacity < 1) throw new IllegalArgumentException("replayCapacity must be 1 or more, got " + replayCapacity);
    }
}
