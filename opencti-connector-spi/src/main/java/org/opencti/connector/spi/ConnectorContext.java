package org.opencti.connector.spi;

import org.opencti.connector.spi.time.Scheduler;
import org.opencti.model.event.CtiEvent;

/** What the platform gives a connector when it starts. */
public interface ConnectorContext {

    /**
     * Hands one canonical event to the platform. May be called from any thread and never blocks; events of one
     * agent must be published in order. Events carry no {@code seq} (the gateway numbers them).
     */
    void publish(CtiEvent event);

    /** The clock and timers every connector timer must use (real in production, virtual in tests). */
    Scheduler scheduler();
}
