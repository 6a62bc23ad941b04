package org.opencti.connector.csta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.connector.csta.mapping.CstaRequest;
import org.opencti.connector.csta.mapping.CstaStates;
import org.opencti.connector.csta.mapping.Desk;
import org.opencti.connector.csta.mapping.Directory;
import org.opencti.connector.csta.mapping.EventMapping;
import org.opencti.connector.csta.mapping.Monitored;
import org.opencti.connector.csta.mapping.QueueMonitor;
import org.opencti.connector.csta.mapping.Reconcile;
import org.opencti.connector.csta.mapping.RequestMapping;
import org.opencti.connector.csta.session.CstaSession;
import org.opencti.connector.csta.session.SessionSettings;
import org.opencti.connector.csta.xml.CstaDecoder;
import org.opencti.connector.csta.xml.CstaEvent;
import org.opencti.connector.csta.xml.XmlElement;
import org.opencti.connector.spi.Accepted;
import org.opencti.connector.spi.ConnectorContext;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.EventHeader;
import org.opencti.model.event.LinkStateEvent;
import org.opencti.model.event.SnapshotEvent;
import org.opencti.model.request.*;
import org.opencti.model.state.Action;

/**
 * A CSTA III XML connector: one ECMA-354 session to the switch, one device monitor per logged-in agent, and a desk
 * per agent that turns the monitor's events into canonical ones. Created by {@link CstaConnectorProvider}.
 *
 * <p>Threading: events are mapped on the session's reader thread, in order, under the agent's desk lock, and
 * published from there ({@code publish} never blocks). {@link #execute} checks and maps a request on the caller's
 * thread and returns at once; socket writes happen on the writer thread.
 */
public final class CstaConnector implements CtiConnector, CstaSession.Listener {
    private static final int MAX_EARLY_EVENTS = 1000;

    private final SessionSettings settings;
    private final Directory directory;
    private final Map<AgentId, Desk> desks = new ConcurrentHashMap<>();
    /** monitorCrossRefID to the desk or queue it reports on. */
    private final Map<String, Monitored> monitors = new ConcurrentHashMap<>();
    private final Map<String, QueueMonitor> queues = new ConcurrentHashMap<>();
    /** Events whose monitor's MonitorStartResponse has not arrived yet (a switch may send events first). */
    private final Map<String, List<CstaEvent>> early = new ConcurrentHashMap<>();
    private volatile ConnectorContext context;
    private volatile CstaSession session;

    CstaConnector(SessionSettings settings, Map<String, String> queueIds, int extensionMaxDigits) {
        this.settings = settings;
        this.directory = new Directory(queueIds, extensionMaxDigits);
    }

    @Override public void start(ConnectorContext ctx) {
        if (session != null) throw new IllegalStateException("CstaConnector to " + settings.host() + ":" + settings.port() + " is already started");
        context = ctx;
        session = new CstaSession(settings, ctx.scheduler(), this);
        session.start();
    }

    @Override public LinkState linkState() { return session == null ? LinkState.Disconnected : session.state(); }

    @Override public Set<Action> capabilities() { return EnumSet.allOf(Action.class); }

    @Override public CompletionStage<Accepted> execute(RequestId requestId, AgentId agentId, CtiRequest request) {
        try {
            if (linkState() != LinkState.Connected)
                throw new CtiException(ErrorCode.OPENCTI_LINK_DOWN, "The CTI link to " + settings.host() + ":" + settings.port()
                        + " is " + linkState() + "; " + request.action() + " was not sent. Retry when it is Connected.");
            if (request instanceof Login login) return login(agentId, login);
            Desk desk = desks.get(agentId);
            if (desk == null)
                throw new CtiException(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN, "Agent " + agentId + " is not logged in through this connector; "
                        + request.action() + " needs a login first.", Map.of("agentId", agentId.value()));
            RequestMapping.Plan plan;
            synchronized (desk) {
                plan = RequestMapping.plan(desk, request);
            }
            return switch (plan) {
                case RequestMapping.Plan.Done d -> CompletableFuture.completedFuture(Accepted.NOTHING_NEW);
                case RequestMapping.Plan.Send s -> session.request(s.request()).thenApply(response -> accepted(desk, request, response));
            };
        } catch (CtiException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            // execute fails only with CtiException (SPI contract); the cause stays attached for the log.
            return CompletableFuture.failedFuture(new CtiException(ErrorCode.OPENCTI_CF_GENERIC_OPERATION,
                    request.action() + " failed inside the CSTA connector: " + e, Map.of(), e));
        }
    }

    private Accepted accepted(Desk desk, CtiRequest request, XmlElement response) {
        String newCall = switch (response.name()) {
            case "MakeCallResponse" -> response.text("callingDevice", "callID");
            case "ConsultationCallResponse" -> response.text("initiatedCall", "callID");
            default -> null;
        };
        if (response.name().equals("SetAgentStateResponse")) {
            AgentState pending = CstaStates.agent(response.text("pendingAgentState"));
            if (pending != null) {
                List<CtiEvent> events;
                synchronized (desk) {
                    events = EventMapping.pending(desk, pending, CstaDecoder.privateText(response, "pendingReasonCode"), now());
                }
                events.forEach(context::publish);
            }
        }
        return newCall == null ? Accepted.NOTHING_NEW : Accepted.newCall(new CallId(newCall));
    }

    private CompletionStage<Accepted> login(AgentId agentId, Login login) {
        if (desks.containsKey(agentId))
            throw new CtiException(ErrorCode.OPENCTI_AGENT_LOGGED_IN, "Agent " + agentId + " is already logged in at device "
                    + desks.get(agentId).device() + "; log out first.", Map.of("agentId", agentId.value()));
        String device = login.extension();
        if (device == null)
            throw new CtiException(ErrorCode.OPENCTI_BAD_REQUEST, "login of agent " + agentId + " names no extension; the platform must pass the agent's default extension");
        for (Desk other : desks.values())
            if (other.device().equals(device))
                throw new CtiException(ErrorCode.OPENCTI_AGENT_LOGGED_IN, "Device " + device + " is in use by agent " + other.agentId()
                        + "; log out there first.", Map.of("device", device));
        Desk desk = new Desk(agentId, device, directory, now());
        if (desks.putIfAbsent(agentId, desk) != null)
            throw new CtiException(ErrorCode.OPENCTI_AGENT_LOGGED_IN, "Agent " + agentId + " is logging in already");
        directory.agentDevice(device, true);
        CompletableFuture<Accepted> done = new CompletableFuture<>();
        monitor(device, desk).thenCompose(xref -> session.request(RequestMapping.logOn(device, agentId.value(), login.password()))
                        .whenComplete((ok, failure) -> {
                            if (failure != null) stopMonitor(xref);
                        }))
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        loggedOn(desk);
                        done.complete(Accepted.NOTHING_NEW);
                        return;
                    }
                    desks.remove(agentId, desk);
                    directory.agentDevice(device, false);
                    done.completeExceptionally(unwrap(failure));
                });
        return done;
    }

    /**
     * The logon is accepted, so the agent is NotReady (reason login) now, whether or not the switch's agent events
     * have arrived: a request right after login must see it. The switch's own AgentNotReady then changes nothing.
     */
    private void loggedOn(Desk desk) {
        List<CtiEvent> events;
        synchronized (desk) {
            events = EventMapping.apply(desk, new CstaEvent.AgentChanged(null, CstaEvent.AgentEventKind.NOT_READY,
                    desk.device(), desk.agentId().value(), "login", null, null, null), now());
        }
        events.forEach(context::publish);
    }

    private CompletableFuture<String> monitor(String device, Monitored target) {
        return session.request(CstaRequest.of("MonitorStart", b -> b.open("monitorObject").text("deviceObject", device)
                .close("monitorObject").text("monitorType", "device"))).thenApply(response -> {
                    String xref = response.text("monitorCrossRefID");
                    monitors.put(xref, target);
                    List<CstaEvent> waiting = early.remove(xref);
                    if (waiting != null) waiting.forEach(this::onEvent);
                    return xref;
                });
    }

    private void stopMonitor(String xref) {
        monitors.remove(xref);
        session.request(CstaRequest.of("MonitorStop", b -> b.text("monitorCrossRefID", xref)));
    }

    @Override public CompletionStage<SnapshotEvent> snapshot(AgentId agentId) {
        Desk desk = desks.get(agentId);
        if (desk == null) return CompletableFuture.failedFuture(new CtiException(ErrorCode.OPENCTI_AGENT_NOT_LOGGED_IN,
                "Agent " + agentId + " is not logged in through this connector; no snapshot to give."));
        synchronized (desk) {
            return CompletableFuture.completedFuture(desk.snapshot(now(), linkState()));
        }
    }

    @Override public CompletionStage<Accepted> monitorQueue(String queueDn) {
        if (linkState() != LinkState.Connected)
            return CompletableFuture.failedFuture(new CtiException(ErrorCode.OPENCTI_LINK_DOWN, "The CTI link is down; queue " + queueDn + " cannot be monitored now."));
        QueueMonitor queue = queues.computeIfAbsent(queueDn, dn -> new QueueMonitor(dn, directory));
        return monitor(queueDn, queue).thenApply(xref -> Accepted.NOTHING_NEW);
    }

    // ---- from the session ----

    @Override public void onEvent(CstaEvent event) {
        Monitored target = monitors.get(event.monitorCrossRefId());
        switch (target) {
            case null -> {
                List<CstaEvent> waiting = early.computeIfAbsent(event.monitorCrossRefId(), x -> new ArrayList<>());
                if (waiting.size() < MAX_EARLY_EVENTS) waiting.add(event);
            }
            case Desk desk -> {
                List<CtiEvent> events;
                boolean loggedOff;
                synchronized (desk) {
                    events = EventMapping.apply(desk, event, now());
                    loggedOff = event instanceof CstaEvent.AgentChanged a && a.kind() == CstaEvent.AgentEventKind.LOGGED_OFF;
                }
                events.forEach(context::publish);
                if (loggedOff && desks.remove(desk.agentId(), desk)) {
                    directory.agentDevice(desk.device(), false);
                    stopMonitor(event.monitorCrossRefId());
                }
            }
            case QueueMonitor queue -> {
                List<? extends CtiEvent> events;
                synchronized (queue) {
                    events = queue.apply(event, now());
                }
                events.forEach(context::publish);
            }
        }
    }

    @Override public void onLinkDown(String why) {
        monitors.clear();
        early.clear();
        for (Desk desk : desks.values()) context.publish(new LinkStateEvent(EventHeader.of(now(), desk.agentId(), desk.device()), LinkState.Disconnected));
    }

    @Override public void onLinkUp(boolean reconnected) {
        if (!reconnected) return;
        // Reconciling waits for answers, which arrive on the reader thread that called us: do it elsewhere.
        Thread.ofVirtual().name("csta-reconcile").start(() -> {
            for (Desk desk : List.copyOf(desks.values())) reconcile(desk);
            for (QueueMonitor queue : List.copyOf(queues.values())) monitor(queue.queueDevice(), queue);
        });
    }

    private void reconcile(Desk desk) {
        try {
            monitor(desk.device(), desk).join();
            XmlElement agent = session.request(CstaRequest.of("GetAgentState", b -> b.text("device", desk.device()))).join();
            XmlElement device = session.request(CstaRequest.of("SnapshotDevice", b -> b.text("snapshotObject", desk.device()))).join();
            List<Reconcile.CallTruth> calls = new ArrayList<>();
            for (String callId : Reconcile.callIds(device)) {
                XmlElement call = session.request(CstaRequest.of("SnapshotCall", b -> b.open("snapshotObject").text("callID", callId)
                        .close("snapshotObject"))).join();
                calls.add(Reconcile.call(callId, call));
            }
            List<CtiEvent> closed;
            SnapshotEvent snapshot;
            synchronized (desk) {
                Instant at = now();
                closed = Reconcile.apply(desk, Reconcile.agent(agent), calls, at);
                snapshot = desk.snapshot(at, LinkState.Connected);
            }
            context.publish(new LinkStateEvent(EventHeader.of(now(), desk.agentId(), desk.device()), LinkState.Connected));
            closed.forEach(context::publish);
            context.publish(snapshot);
            if (snapshot.agent().state() == AgentState.LoggedOut && desks.remove(desk.agentId(), desk))
                directory.agentDevice(desk.device(), false);
        } catch (CompletionException | CtiException e) {
            // The link went down again mid-reconcile: the next link-up reconciles this desk from scratch.
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private Instant now() { return context.scheduler().now(); }

    @Override public void close() {
        CstaSession open = session;
        if (open != null) open.close();
    }
}
