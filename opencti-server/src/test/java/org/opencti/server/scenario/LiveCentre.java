package org.opencti.server.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.time.ManualScheduler;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.model.AgentId;
import org.opencti.model.Customer;
import org.opencti.model.LinkState;
import org.opencti.server.OpenCtiServer;
import org.opencti.server.ServerSetup;
import org.opencti.server.session.PasswordHash;
import org.opencti.server.session.User;
import org.opencti.store.Store;
import org.opencti.store.StoreConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real product on free ports, in one JVM: desktop tabs -> gateway -> CSTA connector (over loopback TCP) -> lab,
 * with an H2 store. Two virtual clocks: the lab's (ring, wrap, talk times) and the platform's {@link ManualScheduler}
 * (heartbeats, link detection, reconnect backoff, session timers). Nothing sleeps: tests move the clocks and await
 * frames. The lab's CSTA sessions expire on the wall clock (180 s), far beyond any scenario here.
 */
final class LiveCentre implements AutoCloseable {
    static final PasswordHash DEMO = PasswordHash.of("demo");
    private static final String BARRIER_QUEUE = "8003";

    final VirtualClock labClock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
    final ManualScheduler time = new ManualScheduler(LabOptions.VIRTUAL_EPOCH);
    final LabConfig config;
    final ContactCentreLab lab;
    final CtiConnector connector;
    final Store store;
    final OpenCtiServer server;
    private final List<Tab> tabs = new ArrayList<>();
    private volatile boolean halfOpen;

    LiveCentre(Path dataDir) { this(dataDir, LabConfig.demo()); }

    LiveCentre(Path dataDir, LabConfig config) {
        this.config = config;
        lab = ContactCentreLab.create(config, labClock, LabOptions.defaults().withCstaPort(0).withTraffic(false).withSimulatedAgents(0));
        lab.start();
        store = Store.open(StoreConfig.h2(dataDir).withRetry(Duration.ofMillis(10), Duration.ofMillis(100)));
        store.customers().seed(config.customers().stream().map(c -> new Customer(c.id(), c.name(), c.phone(), c.accountId())).toList());
        connector = ConnectorLoader.create(new ConnectorConfig("csta", Map.of("host", "127.0.0.1",
                "port", String.valueOf(lab.cstaPort()),
                "queues", config.queues().stream().map(q -> q.device() + "=" + q.id()).collect(Collectors.joining(",")))));
        List<User> users = config.agents().stream().map(a -> new User(new AgentId(a.id()), DEMO, User.Role.agent, a.team(),
                a.extension())).toList();
        server = OpenCtiServer.create(new ServerSetup(connector, users, dataDir, time, null, null, List.of()).withStore(store)).start(0);
        awaitLink(LinkState.Connected);
    }

    Tab tab(String name) {
        Tab tab = Tab.open(name, server.port());
        synchronized (tabs) {
            tabs.add(tab);
        }
        return tab;
    }

    /** Logs the agent in on this tab (at its default extension), waits for its snapshot; returns the session token. */
    String login(Tab tab, String agentId) {
        int mark = tab.mark();
        JsonNode value = tab.ok("{\"type\":\"login\",\"agentId\":\"" + agentId + "\",\"password\":\"demo\"}");
        tab.awaitEvent(mark, "SnapshotEvent", "Snapshot");
        return value.path("token").asText();
    }

    void ready(Tab tab) {
        int mark = tab.mark();
        tab.ok("{\"type\":\"agentReady\"}");
        tab.awaitEvent(mark, "AgentStateEvent", "Ready");
    }

    /**
     * Moves the platform's virtual time (connector and gateway timers) one second at a time. After each second the
     * real world catches up before the next: the connector has read the lab's answers to what it sent (its heartbeat
     * pings), and every tab that plays alive has had its pongs read by the gateway. Without that, seconds of virtual
     * time would pass in microseconds and healthy links and sockets would look dead.
     */
    void advance(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            time.advance(Duration.ofSeconds(1));
            ctiRoundTrip();
            List<Tab> alive;
            synchronized (tabs) {
                alive = tabs.stream().filter(Tab::playsAlive).toList();
            }
            alive.forEach(Tab::roundTrip);
        }
    }

    /**
     * One CSTA request and its answer on the connector's link: the lab answers in order and the connector reads in
     * order, so every answer to what was sent before (a heartbeat ping) has been handled once this one is. The request
     * is a MonitorStart on the billing queue, which no scenario here uses. Skipped while the link is half-open (no
     * answer can come) and quick when it is down (refused at once).
     */
    private void ctiRoundTrip() {
        if (halfOpen || connector.linkState() != LinkState.Connected) return;
        try {
            connector.monitorQueue(BARRIER_QUEUE).toCompletableFuture().get(Tab.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // the link went down meanwhile: nothing left to wait for
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the lab did not answer a CSTA request within " + Tab.WAIT, e);
        }
    }

    /** The lab's links go half-open (and new ones are refused): nothing answers until {@link #restoreLinks}. */
    void halfOpenLinks() {
        halfOpen = true;
        lab.links().refuseNew(true);
        lab.links().halfOpenAll();
    }

    /** The lab drops every link and refuses new ones until {@link #restoreLinks}. */
    void dropLinks() {
        lab.links().refuseNew(true);
        lab.links().dropAll();
    }

    void restoreLinks() {
        halfOpen = false;
        lab.links().refuseNew(false);
    }

    /** Lets platform time pass one second at a time until the link is Connected again (reconnect backoff). */
    void awaitReconnected() {
        for (int second = 0; connector.linkState() != LinkState.Connected; second++) {
            if (second > 120) throw new AssertionError("the CTI link did not come back within 120 s of virtual time");
            advance(Duration.ofSeconds(1));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (connector.linkState() != LinkState.Connected && System.nanoTime() < deadline)
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Moves the lab's clock (rings, talk times, wrap-up). */
    void advanceLab(Duration duration) { labClock.advance(duration); }

    /** Waits (real time, bounded) until the connector's link is in this state. */
    void awaitLink(LinkState state) {
        awaitUntil(() -> connector.linkState() == state, "the CTI link " + state + " (it is " + connector.linkState() + ")");
    }

    static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Tab.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Not so within " + Tab.WAIT + ": " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Waits (real time: the writer is a real thread) until every recorded row is in H2. */
    void flushed() { assertThat(store.awaitFlushed(Duration.ofSeconds(5))).as("store flushed").isTrue(); }

    @Override public void close() {
        synchronized (tabs) {
            tabs.forEach(Tab::close);
        }
        try {
            server.close();

        } finally {
            try {
                store.close();
            } finally {
                lab.close();
            }
        }
    }
}
