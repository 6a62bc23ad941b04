package org.opencti.lab.config;

import java.util.Objects;

/**
 * An ACD queue: its CSTA device (the ACD group device, monitorable, also routed as a DNIS), the skill an agent
 * needs, how long an offered call rings before it is taken back (ring-no-answer), the after-call work time and
 * the service-level threshold.
 */
public record QueueConfig(String id, String name, String device, String skill, int ringNoAnswerSeconds,
                          int wrapSeconds, int serviceLevelSeconds) {
    public QueueConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(skill, "skill");
    }
}
