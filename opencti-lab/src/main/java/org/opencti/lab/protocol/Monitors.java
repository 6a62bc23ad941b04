package org.opencti.lab.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.lab.acd.AgentEvent;
import org.opencti.lab.acd.AgentEventSink;
import org.opencti.lab.pbx.CallEvent;
import org.opencti.lab.pbx.CallEventSink;
import org.opencti.lab.pbx.ConnectionState;

/**
 * Device monitors of all client connections, and the event fan-out: events are encoded per monitor (each sees
 * its own device's connection state) and held until {@link #flush()}, which the event loop runs after each
 * task, so a response always goes out before the events its request caused.
 */
final class Monitors implements CallEventSink, AgentEventSink {

    private record Monitor(String crossRefId, CstaSession session, String device) {
    }

    private record Outgoing(CstaSession session, String xml) {
    }

    private final Map<String, Monitor> monitors = new LinkedHashMap<>();
    private final List<Outgoing> pending = new ArrayList<>();
    private long nextCrossRefId = 1;

    String start(CstaSession session, String device) {
        String crossRefId = String.valueOf(nextCrossRefId++);
        monitors.put(crossRefId, new Monitor(crossRefId, session, device));
        return crossRefId;
    }

    boolean stop(CstaSession session, String crossRefId) {
        Monitor monitor = monitors.get(crossRefId);
        if (monitor == null || monitor.session() != session)
            return false;
        monitors.remove(crossRefId);
        return true;
    }

    List<String> of(CstaSession session) {
        return monitors.values().stream().filter(m -> m.session() == session).map(Monitor::crossRefId).toList();
    }

    void dropAll(CstaSession session) {
        monitors.values().removeIf(m -> m.session() == session);
        pending.removeIf(o -> o.session() == session);
    }

    @Override
    public void publish(CallEvent event, Map<String, ConnectionState> audience) {
        for (Monitor monitor : monitors.values()) {
            ConnectionState local = audience.get(monitor.device());
            if (local != null)
                pending.add(new Outgoing(monitor.session(),
                        CstaEventEncoder.call(monitor.session().namespace, monitor.crossRefId(), event, local)));
        }
    }

    @Override
    public void publish(AgentEvent event) {
        for (Monitor monitor : monitors.values())
            if (monitor.device().equals(event.device()))
                pending.add(new Outgoing(monitor.session(),
                        CstaEventEncoder.agent(monitor.session().namespace, monitor.crossRefId(), event)));
    }

    void flush() {
        for (Outgoing outgoing : pending)
            outgoing.session().send(Frame.EVENT_INVOKE_ID, outgoing.xml());
        pending.clear();
    }
}
