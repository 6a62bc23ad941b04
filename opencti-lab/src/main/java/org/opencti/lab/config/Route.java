package org.opencti.lab.config;

import java.util.Objects;

/** Calls dialled to {@code dnis} wait in the queue {@code queue} (a queue id). */
public record Route(String dnis, String queue) {
    public Route {
        Objects.requireNonNull(dnis, "dnis");
        Objects.requireNonNull(queue, "queue");
    }
}
