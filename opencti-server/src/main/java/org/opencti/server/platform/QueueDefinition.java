package org.opencti.server.platform;

/**
 * A queue the platform monitors: its id ({@code sales}), its DNIS on the switch ({@code 8001}) and the answer time
 * its service level counts ({@code serviceLevelSeconds}, default 20).
 */
public record QueueDefinition(String id, String device, int serviceLevelSeconds) {
    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;

    public QueueDefinition {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("queue id must be non-blank, got " + id);
        if (device == null || device.isBlank())
            throw new IllegalArgumentException("queue " + id + " needs its device (DNIS), e.g. 8001");
        if (serviceLevelSeconds < 1 || serviceLevelSeconds > 3600)
            throw new IllegalArgumentException("queue " + id + ": serviceLevelSeconds must be between 1 and 3600, got "
                    + serviceLevelSeconds);
    }
}
