package org.opencti.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.opencti.lab.acd.AgentEventSink;
import org.opencti.lab.callers.SimulatedAgents;
import org.opencti.lab.callers.Traffic;
import org.opencti.lab.pbx.CallEventSink;
import org.opencti.lab.pbx.QueueStatistics;
import org.opencti.lab.protocol.EventLog;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Random;
import org.opencti.lab.acd.Acd;
import org.opencti.lab.acd.AgentSnapshot;
import org.opencti.lab.acd.QueueSnapshot;
import org.opencti.lab.callers.Callers;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.clock.EventLoop;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.pbx.CallSnapshot;
import org.opencti.lab.pbx.DeviceDirectory;
import org.opencti.lab.pbx.Pbx;
import org.opencti.lab.protocol.CstaServer;
import org.opencti.lab.protocol.LinkFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded contact centre: a PBX and an ACD on one event loop, scripted callers, and a CSTA III XML
 * server on TCP (docs/csta-profile.md). All lab state lives on the loop; every public method here may be
 * called from any thread and hops onto it. Deterministic for a given configuration, clock and seed.
 *
 * {@snippet :
 * VirtualClock clock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
 * try (ContactCentreLab lab = ContactCentreLab.create(LabConfig.demo(), clock, 42)) {
 *     lab.start();                                          // any free port on loopback
 *     int port = lab.cstaPort();                            // connect a CSTA client here
 *     String callId = lab.placeCall(ScriptedCall.from("0612345007", "8001"));
 *     clock.advance(Duration.ofSeconds(15));                // timers fire in order
 *     AgentSnapshot agent = lab.agent("1001");
 * }
 * }
 */
public final class ContactCentreLab implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContactCentreLab.class);

    private final LabConfig config;
    private final EventLoop loop;
    private final Pbx pbx;
    private final Acd acd;
    private final Callers callers;
    private final CstaServer server;
    private final Random random;
    private final int defaultPort;
    private final InetAddress bindAddress;
    private final OptionalInt webSocketPort;
    private final Optional<Traffic> traffic;
    private final SimulatedAgents simulatedAgents;
    private final Optional<Writer> eventLogFile;

    private ContactCentreLab(LabConfig config, LabClock clock, LabOptions options, LabClock sessionClock, Optional<EventLog> log) {
        this.config = config.requireValid("given to the lab");
        this.random = new Random(options.seed());
        this.defaultPort = options.cstaPort();
        this.webSocketPort = options.webSocketPort();
        String bindAddress = options.bindAddress();
        try {
            this.bindAddress = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Cannot bind the lab to '" + bindAddress + "'; expected an IP address or host name", e);
        }
        this.loop = new EventLoop(clock, "lab-loop");
        this.eventLogFile = options.eventLog().map(ContactCentreLab::openLog);
        EventLog eventLog = log.or(() -> eventLogFile.map(EventLog::writingTo)).orElse(EventLog.discard());
        CstaServer.EventSinks sinks = CstaServer.sinks();
        List<CallEventSink> callSinks = new ArrayList<>(List.of(sinks.calls()));
        List<AgentEventSink> agentSinks = new ArrayList<>(List.of(sinks.agents()));
        this.pbx = new Pbx(loop, new DeviceDirectory(config), (event, audience) -> {
            for (CallEventSink sink : callSinks)
                sink.publish(event, audience);
        }, config.pbx());
        this.callers = new Callers(loop, pbx);
        this.acd = new Acd(loop, config, pbx, event -> {
            for (AgentEventSink sink : agentSinks)
                sink.publish(event);
        });
        this.simulatedAgents = new SimulatedAgents(loop, pbx, acd, config, random, simulatedAgentIds(config, options));
        callSinks.add(callers);
        callSinks.add(simulatedAgents);
        agentSinks.add(simulatedAgents);
        boolean trafficOn = options.traffic().orElse(config.traffic().enabled()) && config.traffic().callsPerHour() > 0;
        double factor = options.callsPerSecond().isPresent() ? Traffic.factorFor(config, options.callsPerSecond().getAsDouble()) : 1;
        this.traffic = trafficOn ? Optional.of(new Traffic(loop, callers, config, random, factor)) : Optional.empty();
        this.server = CstaServer.create(loop, sinks, pbx, acd, this.bindAddress, sessionClock, eventLog,
                log.isPresent() || eventLogFile.isPresent());
        loop.afterEachTask(acd::afterEachTask);
        loop.afterEachTask(server::flush);
    }

    /** A lab on loopback without traffic or simulated agents (tests); {@link #start()} binds any free port. */
    public static ContactCentreLab create(LabConfig config, LabClock clock, long seed) {
        return create(config, clock, LabOptions.defaults().withCstaPort(0).withSeed(seed).withTraffic(false).withSimulatedAgents(0));
    }

    /** A lab as the command line describes it (config file or demo, real or virtual time, ports, traffic). */
    public static ContactCentreLab create(LabOptions options) {
        LabConfig config = options.config().map(LabConfig::load).orElseGet(LabConfig::demo);
        LabClock clock = options.virtualTime() ? LabClock.virtual(LabOptions.VIRTUAL_EPOCH) : LabClock.real();
        return create(config, clock, options);
    }

    /** A lab with this configuration and clock, everything else from {@code options} (its config and virtualTime unused). */
    public static ContactCentreLab create(LabConfig config, LabClock clock, LabOptions options) {
        return new ContactCentreLab(config, clock, options, LabClock.real(), Optional.empty());
    }

    /**
     * As {@link #create(LabConfig, LabClock, LabOptions)}, with CSTA sessions expiring on {@code sessionClock} (a
     * {@link org.opencti.lab.clock.VirtualClock} in tests: advance it to expire sessions and send heartbeats) and the
     * event log written to {@code eventLog} (for example an {@link org.opencti.lab.protocol.EventLogDigest}).
     */
    public static ContactCentreLab create(LabConfig config, LabClock clock, LabOptions options, LabClock sessionClock,
                                          EventLog eventLog) {
        return new ContactCentreLab(config, clock, options, sessionClock, Optional.of(eventLog));
    }

    /**
     * Starts listening for CSTA on the configured port (0 = any free port) and, if configured, on WebSocket; then
     * logs the simulated agents on and starts the traffic. Returns the TCP address, and logs where it listens.
     */
    public InetSocketAddress start() {
        InetSocketAddress address = server.start(defaultPort);
        webSocketPort.ifPresent(server::startWebSocket);
        loop.run(() -> {
            simulatedAgents.start();
            traffic.ifPresent(Traffic::start);
        });
        log.info("OpenCTI lab: {}", describe());
        return address;
    }

    /** e.g. {@code CSTA III XML (ECMA-323 ed4, 8-byte header) on tcp://127.0.0.1:4720} (and the WebSocket URL when served) */
    public String describe() {
        String tcp = "CSTA III XML (ECMA-323 ed4, 8-byte header) on tcp://" + bindAddress.getHostAddress() + ":" + server.port();
        int ws = server.webSocketPort();
        return ws < 0 ? tcp : tcp + " and ws://" + bindAddress.getHostAddress() + ":" + ws + "/csta";
    }

    /** The WebSocket port of {@code /csta}; -1 when the lab serves no WebSocket. */
    public int webSocketPort() {
        return server.webSocketPort();
    }

    /** True when the lab places random calls. */
    public boolean trafficOn() {
        return traffic.isPresent();
    }

    /** The agents the lab works itself. */
    public List<String> simulatedAgents() {
        return simulatedAgents.agentIds();
    }

    /** Stops the random arrivals; callers already on a call finish by their script. */
    public void stopTraffic() {
        loop.run(() -> traffic.ifPresent(Traffic::stop));
    }

    /** Random calls placed so far. */
    public long trafficCallsPlaced() {
        return loop.call(() -> traffic.map(Traffic::placed).orElse(0L));
    }

    /** The lab's bookkeeping now (leaks, agent consistency, queue totals). */
    public LabHealth health() {
        return loop.call(() -> {
            Map<String, QueueStatistics> queues = new LinkedHashMap<>();
            config.queues().forEach(q -> queues.put(q.id(), pbx.queueStatistics(q.device())));
            return new LabHealth(loop.now(), pbx.callCount(), pbx.callsCreated(), pbx.callsCleared(), pbx.callsMerged(),
                    callers.activeCount(), pbx.mergedIdCount(), pbx.indexedDeviceCount(), loop.pendingTimers(),
                    acd.inconsistencies(), queues);
        });
    }

    private static List<String> simulatedAgentIds(LabConfig config, LabOptions options) {
        if (options.simulatedAgents().isEmpty())
            return config.traffic().simulatedAgents();
        int count = options.simulatedAgents().getAsInt();
        List<String> ids = config.agents().stream().map(a -> a.id()).toList();
        if (count > ids.size())
            throw new IllegalArgumentException("--simulated-agents " + count + " exceeds the " + ids.size() + " configured agents");
        return ids.subList(ids.size() - count, ids.size());
    }

    private static Writer openLog(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the event log to " + file + "; choose a writable file", e);
        }
    }

    public int cstaPort() {
        return server.port();
    }

    public LabConfig config() {
        return config;
    }

    public LabClock clock() {
        return loop.clock();
    }

    /** The lab's seeded random source, for use on the event loop only. */
    Random random() {
        return random;
    }

    // ---- driving ----------------------------------------------------------------------------------------------

    /** Places a scripted customer call; returns its call id. */
    public String placeCall(ScriptedCall call) {
        return loop.call(() -> callers.place(call));
    }

    // ---- reading state (thread-safe copies) -------------------------------------------------------------------

    public AgentSnapshot agent(String agentId) {
        return loop.call(() -> acd.agent(agentId)).orElseThrow(() -> new IllegalArgumentException(
                "Unknown agent '" + agentId + "'; configured agents: " + config.agents().stream().map(a -> a.id()).toList()));
    }

    public Optional<CallSnapshot> call(String callId) {
        return loop.call(() -> pbx.snapshot(callId));
    }

    /** The calls the device is on, oldest first. */
    public java.util.List<CallSnapshot> callsAt(String device) {
        return loop.call(() -> pbx.callsAt(device));
    }

    public QueueSnapshot queue(String queueId) {
        return loop.call(() -> acd.queues().stream().filter(q -> q.queueId().equals(queueId)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("Unknown queue '" + queueId + "'"));
    }

    public LabSnapshot snapshot() {
        return loop.call(() -> new LabSnapshot(loop.now(), acd.agents(), pbx.snapshots(), acd.queues()));
    }

    // ---- link-loss hooks for connector tests ------------------------------------------------------------------

    /**
     * The CSTA link fault switch for tests and soak runs: drop every link abruptly, refuse new ones (TCP and
     * WebSocket), or make the open ones half-open. Calls and agents carry on meanwhile. See {@link LinkFaults}.
     */
    public LinkFaults links() {
        return server.faults();
    }

    /**
     * Drops every CSTA connection politely (each gets SystemStatus disabled first, then closes once it is written);
     * calls and agents carry on. {@code links().dropAll()} drops them with no warning.
     */
    public void dropAllConnections() {
        server.dropAllConnections();
    }

    /** {@code true}: stop accepting CSTA connections on TCP (connects are refused); {@code false}: accept again. */
    public void refuseConnections(boolean refuse) {
        server.refuseConnections(refuse);
    }

    /** Sends SystemStatus with {@code status} (e.g. normal) to every connected client. */
    public void sendSystemStatus(String status) {
        server.sendSystemStatus(status);
    }

    public int connectionCount() {
        return server.connectionCount();
    }

    @Override
    public void close() {
        server.close();
        loop.close();
        eventLogFile.ifPresent(writer -> {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot finish the event log", e);
            }
        });
    }
}
