package org.opencti.bench.target;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.SystemScheduler;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.model.AgentId;
import org.opencti.model.Customer;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.request.WrapUp;
import org.opencti.server.OpenCtiServer;
import org.opencti.server.ServerSetup;
import org.opencti.server.gateway.Recording;
import org.opencti.server.platform.StoreRecording;
import org.opencti.server.session.PasswordHash;
import org.opencti.server.session.User;
import org.opencti.store.Store;
import org.opencti.store.WriterCounters;
import org.opencti.store.codes.Code;
import org.opencti.store.codes.Codes;

/**
 * The product under load, in this process: the lab on the real clock (CSTA on a free loopback port), the CSTA
 * connector, the store and the server, wired as {@code Deployment} wires them but with the bench's contact centre
 * of N agents. Calls come from {@link BenchCallers} through the lab's scripted callers.
 */
public final class ServerUnderTest implements Target {
    private final ContactCentreLab lab;
    private final Store store;
    private final OpenCtiServer server;
    private final SystemScheduler scheduler;
    private final BenchCallers callers;
    private final LongAdder delivered = new LongAdder();
    private final BenchStore storeChoice;

    private ServerUnderTest(LabConfig config, BenchStore storeChoice, Path dataDir) {
        this.storeChoice = storeChoice;
        scheduler = new SystemScheduler("opencti-timers");
        lab = ContactCentreLab.create(config, LabClock.real(),
                LabOptions.defaults().withCstaPort(0).withTraffic(false).withSimulatedAgents(0));
        Store opened = null;
        try {
            lab.start();
            opened = storeChoice.open();
            seed(opened, config);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("host", "127.0.0.1");
            properties.put("port", String.valueOf(lab.cstaPort()));
            properties.put("queues", config.queues().stream().map(q -> q.device() + "=" + q.id()).collect(Collectors.joining(",")));
            CtiConnector connector = ConnectorLoader.create(new ConnectorConfig("csta", properties));
            Recording recording = counting(new StoreRecording(opened, scheduler));
            server = OpenCtiServer.create(new ServerSetup(connector, users(config), dataDir, scheduler, null, recording,
                    List.of()).withStore(opened)).start(0);
            store = opened;
        } catch (RuntimeException e) {
            if (opened != null) opened.close();
            lab.close();
            scheduler.close();
            throw e;
        }
        callers = new BenchCallers(config, 1L, lab::placeCall);
    }

    public static ServerUnderTest start(int agents, BenchStore store, Path dataDir) {
        return new ServerUnderTest(BenchContactCentre.config(agents), store, dataDir);
    }

    @Override public int port() { return server.port(); }

    @Override public String name() { return "opencti"; }

    @Override public void startCalls(double callsPerSecond) { callers.start(callsPerSecond); }

    @Override public void stopCalls() { callers.stop(); }

    @Override public long callsPlaced() { return callers.placed(); }

    @Override public long eventsDelivered() { return delivered.sum(); }

    @Override public int openSockets() { return server.openSockets(); }

    public WriterCounters storeCounters() { return store.counters(); }

    /** Committed interaction rows (one per agent and call). */
    public long interactions() { return storeChoice.count("interactions"); }

    /** Committed agent-state log rows. */
    public long stateRows() { return storeChoice.count("agent_state_log"); }

    /** Every agent gets the same hash: PBKDF2 for 10,000 users would cost a minute of start-up and measure nothing. */
    private static List<User> users(LabConfig lab) {
        PasswordHash shared = PasswordHash.of(BenchContactCentre.PASSWORD);
        return lab.agents().stream().map(a -> new User(new AgentId(a.id()), shared, User.Role.agent, a.team(), a.extension())).toList();
    }

    private static void seed(Store store, LabConfig lab) {
        store.customers().seed(lab.customers().stream().map(c -> new Customer(c.id(), c.name(), c.phone(), c.accountId())).toList());
        store.codes().seed(Codes.Kind.REASON, lab.reasonCodes().stream().map(r -> new Code(r.id(), r.label())).toList());
        store.codes().seed(Codes.Kind.WRAP_UP, lab.wrapUpCodes().stream().map(w -> new Code(w.id(), w.label())).toList());
    }

    private Recording counting(Recording inner) {
        return new Recording() {
            @Override public void event(CtiEvent event) {
                delivered.increment();
                inner.event(event);
            }

            @Override public void wrapUp(AgentId agentId, WrapUp wrapUp) { inner.wrapUp(agentId, wrapUp); }
        };
    }

    /** Stops the calls, the server (flushing the store), the store and the lab. */
    @Override public void close() {
        callers.close();
        try {
            server.close();
        } finally {
            try {
                store.close();
            } finally {
                lab.close();
                scheduler.close();
            }
        }
    }
}
