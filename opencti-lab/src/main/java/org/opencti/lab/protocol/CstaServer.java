package org.opencti.lab.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opencti.lab.acd.Acd;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.opencti.lab.clock.EventLoop;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.clock.RealClock;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.QueueConfig;
import org.opencti.lab.pbx.CallEvent;
import org.opencti.lab.pbx.Pbx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSTA III XML server on TCP (8-byte header) and, when started, on WebSocket ({@code /csta}, text frames).
 * Accepts any number of clients; each gets its own {@link CstaSession}. Sessions expire on the session clock: the
 * wall clock unless a test injects a {@link VirtualClock}; the lab's clock has no say.
 */
public final class CstaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CstaServer.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(60);

    private final EventLoop loop;
    private final Monitors monitors;
    private final ServiceDispatcher dispatcher;
    private final InetAddress bindAddress;
    private final Map<Long, CstaSession> sessions = new LinkedHashMap<>();
    private final AtomicLong nextConnectionId = new AtomicLong(1);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("csta-session-timer").daemon(true).unstarted(r));
    private final LabClock sessionClock;
    private final Runnable virtualTick = this::tickNow;
    private final LinkFaults faults = new LinkFaults(this);
    private ServerSocket serverSocket;
    private Thread acceptThread;
    private CstaWebSocketEndpoint webSocket;
    private volatile int port;

    private CstaServer(EventLoop loop, Monitors monitors, ServiceDispatcher dispatcher, InetAddress bindAddress,
                       LabClock sessionClock) {
        this.loop = loop;
        this.monitors = monitors;
        this.dispatcher = dispatcher;
        this.bindAddress = bindAddress;
        this.sessionClock = sessionClock;
    }

    /** The monitor registry to pass to the PBX and ACD as their event sink, before they exist. */
    public static EventSinks sinks() {
        return new EventSinks(new Monitors());
    }

    /** Wires the server to the lab; call {@link #start(int)} to listen. Must run on the loop's owner thread. */
    public static CstaServer create(EventLoop loop, EventSinks sinks, Pbx pbx, Acd acd, InetAddress bindAddress) {
        return create(loop, sinks, pbx, acd, bindAddress, LabClock.real(), EventLog.discard(), false);
    }

    /**
     * Wires the server: sessions expire on {@code sessionClock}; with {@code logging}, every event and every client
     * message goes to {@code eventLog} stamped with the lab's clock.
     */
    public static CstaServer create(EventLoop loop, EventSinks sinks, Pbx pbx, Acd acd, InetAddress bindAddress,
                                    LabClock sessionClock, EventLog eventLog, boolean logging) {
        sinks.monitors().configure(eventLog, loop::now, new Monitors.QueueNames() {
            public Optional<String> ofCall(CallEvent event) {
                return pbx.queueIdOf(event.callId());
            }

            public Optional<String> ofDevice(String device) {
                return pbx.directory().queueAt(device).map(QueueConfig::id);
            }
        }, logging);
        ServiceDispatcher dispatcher = new ServiceDispatcher(pbx, acd, sinks.monitors(), sessionClock::now);
        return new CstaServer(loop, sinks.monitors(), dispatcher, bindAddress, sessionClock);
    }

    public synchronized InetSocketAddress start(int requestedPort) {
        bind(requestedPort);
        switch (sessionClock) {
            case RealClock real -> ticker.scheduleAtFixedRate(() -> loop.execute(this::tick), 1, 1, TimeUnit.SECONDS);
            case VirtualClock virtual -> virtual.afterAdvance(virtualTick);
        }
        return new InetSocketAddress(bindAddress, port);
    }

    /** Serves CSTA over WebSocket at {@code ws://bind:port/csta} (0 = any free port); returns where. */
    public synchronized InetSocketAddress startWebSocket(int requestedPort) {
        webSocket = new CstaWebSocketEndpoint(bindAddress, requestedPort, nextConnectionId::getAndIncrement,
                new CstaWebSocketEndpoint.Sessions() {
                    public void opened(ClientLink link) {
                        CstaSession session = new CstaSession(link);
                        loop.execute(() -> sessions.put(link.id(), session));
                    }

                    public void received(ClientLink link, String text) {
                        loop.execute(() -> {
                            CstaSession session = sessions.get(link.id());
                            if (session != null)
                                dispatcher.handle(session, WebSocketLink.invokeIdOf(text), text.getBytes(StandardCharsets.UTF_8));
                        });
                    }

                    public void closed(ClientLink link) {
                        loop.execute(() -> {
                            CstaSession session = sessions.remove(link.id());
                            if (session != null)
                                monitors.dropAll(session);
                        });
                    }
                }, faults::silenced);
        webSocket.refuse(faults.refusingNew());
        return new InetSocketAddress(bindAddress, webSocket.port());
    }

    public int port() {
        return port;
    }

    /** The WebSocket port; -1 when the WebSocket endpoint was not started. */
    public synchronized int webSocketPort() {
        return webSocket == null ? -1 : webSocket.port();
    }

    /** The fault switch of every CSTA link, TCP and WebSocket (tests and soak runs). */
    public LinkFaults faults() {
        return faults;
    }

    /**
     * Refuses (closes the listening socket) or accepts TCP connections again, on the same port. {@link LinkFaults#refuseNew}
     * also refuses WebSocket upgrades.
     */
    public synchronized void refuseConnections(boolean refuse) {
        if (refuse && serverSocket != null) {
            closeQuietly(serverSocket);
            serverSocket = null;
            awaitAcceptEnd();
        } else if (!refuse && serverSocket == null) {
            bind(port);
        }
    }

    /** Drops every client connection (after a SystemStatus disabled); their monitors stop. */
    public void dropAllConnections() {
        loop.run(() -> {
            for (CstaSession session : new ArrayList<>(sessions.values())) {
                session.request(CstaResponseEncoder.systemStatus(session.namespace, "disabled"));
                session.connection.closeAfterWrites();
            }
        });
    }

    /** Every link open now, TCP and WebSocket (a copy, taken on the loop). */
    List<ClientLink> links() {
        return loop.call(() -> sessions.values().stream().map(s -> s.connection).toList());
    }

    synchronized void refuseWebSocket(boolean refuse) {
        if (webSocket != null)
            webSocket.refuse(refuse);
    }

    /** Sends SystemStatus to every client (the lab's own request; clients answer SystemStatusResponse). */
    public void sendSystemStatus(String status) {
        loop.run(() -> sessions.values().forEach(s -> s.request(CstaResponseEncoder.systemStatus(s.namespace, status))));
    }

    /** Runs after each loop task: events are written only after the responses of that task. */
    public void flush() {
        monitors.flush();
    }

    public int connectionCount() {
        return loop.call(sessions::size);
    }

    private void bind(int requestedPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, requestedPort));
            serverSocket = socket;
            port = socket.getLocalPort();
            // A platform thread: closing the socket then frees the port at once (refuseConnections relies on it).
            acceptThread = Thread.ofPlatform().daemon(true).name("csta-accept-" + port).start(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for CSTA on " + bindAddress.getHostAddress() + ":" + requestedPort
                    + "; choose another port (0 = any free port)", e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                open(client);
            } catch (SocketException e) {
                log.debug("CSTA listener on port {} closed", port);
            } catch (IOException e) {
                log.warn("Accepting a CSTA connection failed", e);
            }
        }
    }

    private void open(Socket client) {
        AtomicReference<CstaSession> session = new AtomicReference<>();
        CstaConnection connection = new CstaConnection(nextConnectionId.getAndIncrement(), client,
                frame -> loop.execute(() -> dispatcher.handle(session.get(), frame)),
                () -> loop.execute(() -> {
                    sessions.remove(session.get().connection.id());
                    monitors.dropAll(session.get());
                }), faults::silenced);
        session.set(new CstaSession(connection));
        loop.execute(() -> sessions.put(connection.id(), session.get()));
        connection.start();
    }

    private void awaitAcceptEnd() {
        try {
            if (acceptThread != null)
                acceptThread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tickNow() {
        loop.run(this::tick);
    }

    private void tick() {
        Instant now = sessionClock.now();
        for (CstaSession session : new ArrayList<>(sessions.values())) {
            if (session.sessionId.isEmpty())
                continue;
            if (now.isAfter(session.expiresAt)) {
                log.info("CSTA session {} expired: no ResetApplicationSessionTimer within {} s", session.sessionId.get(),
                        session.durationSeconds);
                session.connection.close();
            } else if (!now.isBefore(session.nextHeartbeat)) {
                session.nextHeartbeat = now.plus(HEARTBEAT);
                session.request(CstaResponseEncoder.systemStatus(session.namespace, "normal"));
            }
        }
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (sessionClock instanceof VirtualClock virtual)
            virtual.removeAfterAdvance(virtualTick);
        if (webSocket != null)
            webSocket.close();
        if (serverSocket != null)
            closeQuietly(serverSocket);
        serverSocket = null;
        List<CstaSession> open = loop.call(() -> new ArrayList<>(sessions.values()));
        open.forEach(s -> s.connection.close());
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing the CSTA listener failed", e);
        }
    }

    /** The event sinks (monitor registry) shared by the PBX, the ACD and the server. */
    public record EventSinks(Monitors monitors) {
        public org.opencti.lab.pbx.CallEventSink calls() {
            return monitors;
        }

        public org.opencti.lab.acd.AgentEventSink agents() {
            return monitors;
        }
    }
}
