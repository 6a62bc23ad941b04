package org.opencti.lab.acd;

/** Receives agent events on the event loop. */
public interface AgentEventSink {
    void publish(AgentEvent event);
}
