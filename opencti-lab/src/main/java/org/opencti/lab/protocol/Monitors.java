package org.opencti.lab.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opencti.lab.acd.AgentEvent;
import org.opencti.lab.acd.AgentEventSink;
import org.opencti.lab.pbx.CallEvent;
import org.opencti.lab.pbx.CallEventSink;
import org.opencti.lab.pbx.ConnectionState;

/**
 * Device monitors of all client connections, and the event fan-out: events are encoded per monitor (each sees
 * its own device's connection state) and held until {@link #flush()}, which the event loop runs after each
 * task, so a response always goes out before the events its request caused. Also writes the {@link EventLog}.
 */
final class Monitors implements CallEventSink, AgentEventSink {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private record Monitor(String crossRefId, CstaSession session, String device) {
    }

    private record Outgoing(CstaSession session, String xml) {
    }

    private final Map<String, Monitor> monitors = new LinkedHashMap<>();
    private final List<Outgoing> pending = new ArrayList<>();
    private long nextCrossRefId = 1;
    private EventLog eventLog = EventLog.discard();
    private boolean logging;
    private Supplier<Instant> now = Instant::now;
    private QueueNames queues = QueueNames.NONE;

    /** Wires the log, the lab's clock for its stamps, and the queue ids (before any event). */
    void configure(EventLog log, Supplier<Instant> clock, QueueNames queueNames, boolean enabled) {
        this.eventLog = log;
        this.now = clock;
        this.queues = queueNames;
        this.logging = enabled;
    }

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
        Optional<String> queueId = queues.ofCall(event);
        if (logging) {
            StringJoiner devices = new StringJoiner(",");
            audience.forEach((device, state) -> devices.add(device + "=" + state.wireName()));
            log("event " + devices + " " + CstaEventEncoder.call(Namespaces.CSTA_ED4, "0", event, ConnectionState.NULL, queueId));
        }
        for (Monitor monitor : monitors.values()) {
            ConnectionState local = audience.get(monitor.device());
            if (local != null)
                pending.add(new Outgoing(monitor.session(),
                        CstaEventEncoder.call(monitor.session().namespace, monitor.crossRefId(), event, local, queueId)));
        }
    }

    @Override
    public void publish(AgentEvent event) {
        Function<String, Optional<String>> queueOfDevice = queues::ofDevice;
        if (logging)
            log("agent " + CstaEventEncoder.agent(Namespaces.CSTA_ED4, "0", event, queueOfDevice));
        for (Monitor monitor : monitors.values())
            if (monitor.device().equals(event.device()))
                pending.add(new Outgoing(monitor.session(),
                        CstaEventEncoder.agent(monitor.session().namespace, monitor.crossRefId(), event, queueOfDevice)));
    }

    /** Logs a message received from or sent to a client connection. */
    void logMessage(String direction, ClientLink link, String invokeId, String xml) {
        if (logging)
            log(direction + " " + link.id() + " " + (invokeId.isEmpty() ? "-" : invokeId) + " " + xml);
    }

    void flush() {
        for (Outgoing outgoing : pending)
            outgoing.session().send(Frame.EVENT_INVOKE_ID, outgoing.xml());
        pending.clear();
    }

    private void log(String line) {
        eventLog.append(STAMP.format(now.get()) + " " + line);
    }

    /** Queue ids for the wire (od:queue): of the queue a call came through, and of a queue device. */
    interface QueueNames {
        QueueNames NONE = new QueueNames() {
            public Optional<String> ofCall(CallEvent event) {
                return Optional.empty();
            }

            public Optional<String> ofDevice(String device) {
                return Optional.empty();
            }
        };

        Optional<String> ofCall(CallEvent event);

        Optional<String> ofDevice(String device);
    }
}
