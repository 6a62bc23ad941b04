package org.opencti.lab.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where the lab writes its event log: one line per CSTA message, in the order the lab's event loop produced them,
 * stamped with the lab's clock. Lines look like
 * {@code 2026-01-05T08:00:01.000Z event 8001=queued,0612345007=connected <?xml …?><QueuedEvent …>} (a call event,
 * with each informed device's own connection state), {@code … agent <AgentReadyEvent …>}, {@code … in 1 0003 <MakeCall …>}
 * and {@code … out 1 0003 <MakeCallResponse …>} (a request from client connection 1 and the answer). Every id in
 * it is a counter, so the same seed and configuration on a virtual clock give a byte-identical log.
 * Called on the event loop only.
 */
@FunctionalInterface
public interface EventLog {

    /** One line, without its line break. */
    void append(String line);

    /** Logs nothing (the default). */
    static EventLog discard() {
        return line -> { };
    }

    /** Writes each line followed by {@code \n}; an I/O failure stops the lab task with an {@link UncheckedIOException}. */
    static EventLog writingTo(Appendable out) {
        return line -> {
            try {
                out.append(line).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the lab's event log", e);
            }
        };
    }
}
