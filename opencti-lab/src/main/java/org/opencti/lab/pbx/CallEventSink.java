package org.opencti.lab.pbx;

import java.util.Map;

/**
 * Receives call events on the event loop. {@code audience} maps every device that should see the event to its
 * own connection state on the call after the event ({@link ConnectionState#NULL} when it has none).
 */
public interface CallEventSink {
    void publish(CallEvent event, Map<String, ConnectionState> audience);
}
