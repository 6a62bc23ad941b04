package org.opencti.lab.pbx;

import org.opencti.lab.config.ExternalNumberRule;

/** Where a dialled number leads. */
sealed interface Destination {

    /** The number as dialled. */
    String dialled();

    /** The device that gets the connection. */
    String device();

    record Extension(String device) implements Destination {
        public String dialled() { return device; }
    }

    /** A routed DNIS: the connection is the queue device's. */
    record Queue(String dialled, String device) implements Destination {
    }

    record External(String device, ExternalNumberRule rule) implements Destination {
        public String dialled() { return device; }
    }
}
