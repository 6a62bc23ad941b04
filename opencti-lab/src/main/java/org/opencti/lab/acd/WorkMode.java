package org.opencti.lab.acd;

import java.util.Arrays;
import java.util.Optional;

/** How an agent works ACD calls; set with ready/notReady (private data {@code od:workMode}), kept until changed. */
public enum WorkMode {
    /** Back to Ready (or the pending state) as soon as an ACD call ends: no after-call work. */
    AUTO_IN("autoIn"),
    /** After-call work for the queue's wrap time after each ACD call (the default). */
    MANUAL_IN("manualIn");

    private final String wireName;

    WorkMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Accepts the wire name in any case ({@code autoIn}, {@code AutoIn}). */
    public static Optional<WorkMode> fromWire(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
