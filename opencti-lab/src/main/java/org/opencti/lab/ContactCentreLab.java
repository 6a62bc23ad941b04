package org.opencti.lab;

import java.net.InetAddress;
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

    private ContactCentreLab(LabConfig config, LabClock clock, long seed, String bindAddress, int defaultPort) {
        this.config = config.requireValid("given to the lab");
        this.random = new Random(seed);
        this.defaultPort = defaultPort;
        try {
            this.bindAddress = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Cannot bind the lab to '" + bindAddress + "'; expected an IP address or host name", e);
        }
        this.loop = new EventLoop(clock, "lab-loop");
        CstaServer.EventSinks sinks = CstaServer.sinks();
        Callers[] callersHolder = new Callers[1];
        this.pbx = new Pbx(loop, new DeviceDirectory(config), (event, audience) -> {
            sinks.calls().publish(event, audience);
            callersHolder[0].publish(event, audience);
        });
        this.callers = new Callers(loop, pbx);
        callersHolder[0] = callers;
        this.acd = new Acd(loop, config, pbx, sinks.agents());
        this.server = CstaServer.create(loop, sinks, pbx, acd, this.bindAddress);
        loop.afterEachTask(acd::afterEachTask);
        loop.afterEachTask(server::flush);
    }

    /** A lab on loopback; {@link #start()} binds any free port. */
    public static ContactCentreLab create(LabConfig config, LabClock clock, long seed) {
        return new ContactCentreLab(config, clock, seed, "127.0.0.1", 0);
    }

    /** A lab as the command line describes it (config file or demo, real or virtual time, port). */
    public static ContactCentreLab create(LabOptions options) {
        LabConfig config = options.config().map(LabConfig::load).orElseGet(LabConfig::demo);
        LabClock clock = options.virtualTime() ? LabClock.virtual(LabOptions.VIRTUAL_EPOCH) : LabClock.real();
        return new ContactCentreLab(config, clock, options.seed(), options.bindAddress(), options.cstaPort());
    }

    /** Starts listening for CSTA on the configured port (0 = any free port); returns where, and logs it. */
    public InetSocketAddress start() {
        InetSocketAddress address = server.start(defaultPort);
        log.info("OpenCTI lab: {}", describe());
        return address;
    }

    /** e.g. {@code CSTA III XML (ECMA-323 ed4, 8-byte header) on tcp://127.0.0.1:4720} */
    public String describe() {
        return "CSTA III XML (ECMA-323 ed4, 8-byte header) on tcp://" + bindAddress.getHostAddress() + ":" + server.port();
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

    /** Drops every CSTA connection now (each gets SystemStatus disabled first); calls and agents carry on. */
    public void dropAllConnections() {
        server.dropAllConnections();
    }

    /** {@code true}: stop accepting CSTA connections (connects are refused); {@code false}: accept again. */
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
    }
}
