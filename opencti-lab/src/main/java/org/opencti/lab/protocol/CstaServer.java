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
import org.opencti.lab.clock.EventLoop;
import org.opencti.lab.pbx.Pbx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSTA III XML server on TCP (8-byte header). Accepts any number of clients; each gets its own
 * {@link CstaSession}. Sessions expire on the wall clock; the lab's clock has no say.
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
    private ServerSocket serverSocket;
    private volatile int port;

    private CstaServer(EventLoop loop, Monitors monitors, ServiceDispatcher dispatcher, InetAddress bindAddress) {
        this.loop = loop;
        this.monitors = monitors;
        this.dispatcher = dispatcher;
        this.bindAddress = bindAddress;
    }

    /** The monitor registry to pass to the PBX and ACD as their event sink, before they exist. */
    public static EventSinks sinks() {
        return new EventSinks(new Monitors());
    }

    /** Wires the server to the lab; call {@link #start(int)} to listen. Must run on the loop's owner thread. */
    public static CstaServer create(EventLoop loop, EventSinks sinks, Pbx pbx, Acd acd, InetAddress bindAddress) {
        ServiceDispatcher dispatcher = new ServiceDispatcher(pbx, acd, sinks.monitors(), System::nanoTime);
        return new CstaServer(loop, sinks.monitors(), dispatcher, bindAddress);
    }

    public synchronized InetSocketAddress start(int requestedPort) {
        bind(requestedPort);
        ticker.scheduleAtFixedRate(() -> loop.execute(this::tick), 1, 1, TimeUnit.SECONDS);
        return new InetSocketAddress(bindAddress, port);
    }

    public int port() {
        return port;
    }

    /** Refuses (closes the listening socket) or accepts connections again, on the same port. */
    public synchronized void refuseConnections(boolean refuse) {
        if (refuse && serverSocket != null) {
            closeQuietly(serverSocket);
            serverSocket = null;
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
            Thread.ofVirtual().name("csta-accept-" + port).start(() -> accept(socket));
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
                }));
        session.set(new CstaSession(connection));
        loop.execute(() -> sessions.put(connection.id(), session.get()));
        connection.start();
    }

    private void tick() {
        long now = System.nanoTime();
        for (CstaSession session : new ArrayList<>(sessions.values())) {
            if (session.sessionId.isEmpty())
                continue;
            if (now - session.expiresAtNanos > 0) {
                log.info("CSTA session {} expired: no ResetApplicationSessionTimer within {} s", session.sessionId.get(),
                        session.durationSeconds);
                session.connection.close();
            } else if (now - session.nextHeartbeatNanos > 0) {
                session.nextHeartbeatNanos = now + HEARTBEAT.toNanos();
                session.request(CstaResponseEncoder.systemStatus(session.namespace, "normal"));
            }
        }
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
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
