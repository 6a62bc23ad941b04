package org.opencti.connector.spi.contract;

import java.time.Instant;
import java.util.function.Supplier;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.ManualScheduler;

/**
 * What a connector's test hands the TCK for one test: the started connector, the recorder it publishes to, the
 * virtual time its timers run on, and the far side. Build it in a {@code @BeforeEach} with {@link #start} and
 * {@link #close} it in an {@code @AfterEach}.
 */
public record ContractSubject(CtiConnector connector, EventRecorder events, ManualScheduler connectorTime,
                              FarSide farSide) implements AutoCloseable {

    /** Starts {@code connector} on a fresh virtual clock, publishing into a fresh recorder. */
    public static ContractSubject start(FarSide farSide, Supplier<CtiConnector> connector) {
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-28T10:00:00Z"));
        EventRecorder events = new EventRecorder(time);
        CtiConnector started = connector.get();
        started.start(events);
        return new ContractSubject(started, events, time, farSide);
    }

    @Override public void close() {
        try {
            connector.close();
        } finally {
            farSide.close();
        }
    }
}
