package org.opencti.server.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.time.SystemScheduler;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.AgentConfig;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.config.QueueTraffic;
import org.opencti.lab.config.TimeDistribution;
import org.opencti.lab.config.TrafficConfig;
import org.opencti.lab.pbx.CallSnapshot;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.Customer;
import org.opencti.server.OpenCtiServer;
import org.opencti.server.ServerSetup;
import org.opencti.server.session.PasswordHash;
import org.opencti.server.session.User;
import org.opencti.store.Store;
import org.opencti.store.StoreConfig;
import org.opencti.store.codes.Code;
import org.opencti.store.codes.Codes;
import org.opencti.store.interaction.Interaction;
import org.opencti.store.interaction.InteractionQuery;
import org.opencti.store.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server under the design load for N virtual hours: the lab on a virtual clock with random callers at
 * 42 calls/s and thousands of simulated agents, the CSTA connector over loopback TCP, the gateway, the H2 store, and
 * a few real WebSocket desktops of agents who answer, wrap up and go Ready again. Virtual time moves two seconds at a
 * time (well inside ring-no-answer); after each step the desktops settle (nothing pending, and each one's view equals the lab's state for its
 * agent). Every checkpoint and the end check: that equality, gap-free seq on every desktop, the lab's own invariants
 * (no call leak, balanced queues), and flat retained heap (at most 1.5 x the first checkpoint + 64 MB). At the end
 * traffic stops and the lab drains: every call cleared, the server's desks hold no call and nothing awaiting wrap-up,
 * every handled call is one interaction row with its wrap-up code, and after logout no session or socket remains.
 *
 * <p>CI runs {@value #DEFAULT_HOURS} virtual hour(s); {@code -Dopencti.soak.hours=24} runs the long one. The server's own
 * timers (heartbeats, DesktopLost) run on the real scheduler, and CSTA sessions on the lab's real session clock, so a
 * jump of lab time never expires a session (DESIGN section 5).
 */
class ServerSoakTest {
    static final double DEFAULT_HOURS = 1;
    private static final double CALLS_PER_SECOND = 42;
    private static final long SEED = 42;
    private static final Duration STEP = Duration.ofSeconds(2);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(10);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final List<String> DESKTOP_AGENTS = List.of("1001", "1002", "1003");

    @TempDir Path dataDir;

    @Test
    void the_server_at_design_load_keeps_every_invariant_for_the_soak_hours() {
        double hours = Double.parseDouble(System.getProperty("opencti.soak.hours", String.valueOf(DEFAULT_HOURS)));
        LabConfig config = soakConfig();
        VirtualClock clock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
        LabOptions options = LabOptions.defaults().withCstaPort(0).withSeed(SEED).withTraffic(true).withCallRate(CALLS_PER_SECOND)
                .withSimulatedAgents(config.traffic().simulatedAgents().size());
        List<String> violations = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        long started = System.nanoTime();

        try (ContactCentreLab lab = ContactCentreLab.create(config, clock, options);
             SystemScheduler scheduler = new SystemScheduler("soak-server-timers");
             Store store = Store.open(StoreConfig.h2(dataDir.resolve("store")))) {
            lab.start();
            seed(store, config);
            OpenCtiServer server = OpenCtiServer.create(new ServerSetup(ConnectorLoader.create(new ConnectorConfig("csta", Map.of(
                    "host", "127.0.0.1", "port", String.valueOf(lab.cstaPort()),
                    "queues", config.queues().stream().map(q -> q.device() + "=" + q.id()).collect(Collectors.joining(","))))),
                    users(config), dataDir, scheduler, null, null, List.of()).withStore(store)).start(0);
            List<SoakDesktop> desktops = new ArrayList<>();
            try {
                String wrapUpCode = config.wrapUpCodes().getFirst().id();
                for (String agentId : DESKTOP_AGENTS)
                    desktops.add(new SoakDesktop(server.port(), agentId, agent(config, agentId).password(), wrapUpCode));
                settle(lab, config, desktops);
                assertThat(desktops).allSatisfy(d -> assertThat(d.agentState()).isEqualTo("Ready"));
                progress.add(String.format("started: lab with %d agents, server, %d desktops Ready in %.1f s", config.agents().size(),
                        desktops.size(), (System.nanoTime() - started) / 1e9));

                Duration total = Duration.ofMillis(Math.round(hours * 3_600_000));
                long baseline = -1;
                long advancing = 0;
                long settling = 0;
                for (Duration elapsed = Duration.ZERO; elapsed.compareTo(total) < 0; ) {
                    long t0 = System.nanoTime();
                    clock.advance(STEP);
                    long t1 = System.nanoTime();
                    elapsed = elapsed.plus(STEP);
                    settle(lab, config, desktops);
                    advancing += t1 - t0;
                    settling += System.nanoTime() - t1;
                    if (elapsed.toSeconds() % CHECK_EVERY.toSeconds() == 0 || elapsed.equals(total)) {
                        long heap = retainedHeap();
                        baseline = baseline < 0 ? heap : baseline;
                        check(lab, desktops, elapsed.toString(), violations);
                        if (heap > baseline * 3 / 2 + (64L << 20))
                            violations.add(elapsed + ": retained heap grew from " + (baseline >> 20) + " MB to " + (heap >> 20) + " MB");
                        progress.add(String.format("%s: %d calls placed, %d in progress, desktops handled %s, heap %d MB, %.1f s"
                                        + " (lab %.1f s, settling %.1f s)",
                                elapsed, lab.trafficCallsPlaced(), lab.health().calls(),
                                desktops.stream().map(d -> d.handled().size()).toList(), heap >> 20, (System.nanoTime() - started) / 1e9,
                                advancing / 1e9, settling / 1e9));
                    }
                }

                lab.stopTraffic();
                for (int minute = 0; minute < 120 && lab.health().calls() > 0; minute++) advanceSettled(lab, config, desktops, Duration.ofMinutes(1));
                advanceSettled(lab, config, desktops, Duration.ofMinutes(2)); // the last after-call work ends
                check(lab, desktops, "end", violations);
                lab.health().problems(true).forEach(p -> violations.add("end: lab: " + p));
                checkServerKeptNothing(server, desktops, violations);
                checkRecording(store, desktops, wrapUpCode, violations);

                desktops.forEach(SoakDesktop::logout);
                await(() -> desktops.stream().allMatch(SoakDesktop::idle), "the desktops' logouts");
                desktops.forEach(SoakDesktop::close);
                await(() -> server.openSockets() == 0, "every socket closed");
                await(() -> server.meterRegistry().get("opencti.sessions.open").gauge().value() == 0, "no session left");
            } finally {
                desktops.forEach(SoakDesktop::close);
                server.close();
            }
        }

        String report = String.join("\n", progress) + String.format("%nwall time %.1f s", (System.nanoTime() - started) / 1e9);
        System.out.println("Server soak, " + hours + " virtual hours at " + CALLS_PER_SECOND + " calls/s:\n" + report);
        assertThat(violations).as(report).isEmpty();
    }

    /** Waits until every desktop is idle and sees what the lab says of its agent; fails naming the difference. */
    private static void settle(ContactCentreLab lab, LabConfig config, List<SoakDesktop> desktops) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            List<String> differences = new ArrayList<>();
            for (SoakDesktop desktop : desktops) {
                if (!desktop.idle()) differences.add(desktop.agentId() + " busy");
                else differences.addAll(differences(lab, config, desktop));
            }
            if (differences.isEmpty()) return;
            if (System.nanoTime() > deadline)
                throw new AssertionError("at " + lab.clock().now() + " the desktops did not settle within " + SETTLE + ": " + differences
                        + "; problems: " + desktops.stream().flatMap(d -> d.problems().stream()).toList());
            java.util.concurrent.locks.LockSupport.parkNanos(100_000); // poll the condition without hogging a core
        }
    }

    private static void advanceSettled(ContactCentreLab lab, LabConfig config, List<SoakDesktop> desktops, Duration duration) {
        for (Duration done = Duration.ZERO; done.compareTo(duration) < 0; done = done.plus(STEP)) {
            ((VirtualClock) lab.clock()).advance(STEP);
            settle(lab, config, desktops);
        }
    }

    /** How a desktop's view differs from the lab's state of its agent and device (empty when equal). */
    private static List<String> differences(ContactCentreLab lab, LabConfig config, SoakDesktop desktop) {
        String device = agent(config, desktop.agentId()).extension();
        String labState = switch (lab.agent(desktop.agentId()).state()) {
            case LOGGED_OUT -> "LoggedOut";
            case NOT_READY -> "NotReady";
            case READY -> "Ready";
            case BUSY -> "Busy";
            case WORKING_AFTER_CALL -> "AfterCallWork";
        };
        Map<String, String> labCalls = new LinkedHashMap<>();
        for (CallSnapshot call : lab.callsAt(device)) {
            String state = switch (call.stateOf(device)) {
                case ALERTING -> "Offering";
                case CONNECTED -> "Established";
                case HOLD -> "Held";
                case INITIATED -> "Initiated";
                case NULL, FAIL, QUEUED -> null;
            };
            if (state != null) labCalls.put(call.callId(), state);
        }
        List<String> differences = new ArrayList<>();
        if (!labState.equals(desktop.agentState()))
            differences.add(desktop.agentId() + " is " + desktop.agentState() + " on the desktop, " + labState + " in the lab");
        if (!labCalls.equals(desktop.calls()))
            differences.add(desktop.agentId() + " has calls " + desktop.calls() + " on the desktop, " + labCalls + " in the lab");
        return differences;
    }

    private static void check(ContactCentreLab lab, List<SoakDesktop> desktops, String at, List<String> violations) {
        lab.health().problems(false).forEach(p -> violations.add(at + ": lab: " + p));
        desktops.forEach(d -> d.problems().forEach(p -> violations.add(at + ": desktop " + p)));
    }

    /** Resuming each session gets a snapshot with no call and nothing awaiting wrap-up: no desk leaks a call. */
    private static void checkServerKeptNothing(OpenCtiServer server, List<SoakDesktop> desktops, List<String> violations) {
        assertThat(server.meterRegistry().get("opencti.sessions.open").gauge().value()).isEqualTo(desktops.size());
        for (SoakDesktop desktop : desktops) {
            if (desktop.handled().isEmpty()) violations.add("end: desktop " + desktop.agentId() + " handled no call at all");
            int before = desktop.snapshots();
            desktop.resync();
            await(() -> desktop.snapshots() > before && desktop.idle(), "a snapshot for " + desktop.agentId());
            JsonNode snapshot = desktop.lastSnapshot();
            if (!snapshot.path("calls").isEmpty() || !snapshot.path("awaitingWrapUp").isEmpty())
                violations.add("end: the server's desk of " + desktop.agentId() + " still holds " + snapshot);
        }
    }

    /** Every call a desktop handled is one interaction row of its agent, wrapped up with the desktop's code. */
    private static void checkRecording(Store store, List<SoakDesktop> desktops, String wrapUpCode, List<String> violations) {
        store.flush();
        for (SoakDesktop desktop : desktops) {
            AgentId agent = new AgentId(desktop.agentId());
            List<Interaction> rows = store.interactions().find(InteractionQuery.all().forAgent(agent).page(new Page(Page.MAX_LIMIT, 0)));
            if (rows.size() != desktop.handled().size())
                violations.add("end: " + rows.size() + " interaction rows for " + agent.value() + ", but its desktop handled "
                        + desktop.handled().size() + " calls");
            for (String callId : desktop.handled()) {
                var row = store.interactions().byCall(agent, new CallId(callId));
                if (row.isEmpty()) violations.add("end: no interaction row for call " + callId + " of " + agent.value());
                else if (!wrapUpCode.equals(row.get().wrapUpCode()) || row.get().endedAt() == null)
                    violations.add("end: call " + callId + " of " + agent.value() + " recorded as " + row.get());
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + SETTLE + ": " + what);
            Thread.onSpinWait();
        }
    }

    /**
     * The demo contact centre (its agents 1001.. work the desktops) plus enough simulated agents, with all skills, to
     * carry the design load with head-room; the profile is brisk (talk about a minute), as the lab's own soak has it.
     */
    private static LabConfig soakConfig() {
        LabConfig demo = LabConfig.demo();
        int simulated = (int) Math.ceil(CALLS_PER_SECOND * (2 + 60 + 0.2 * 15 + 8) * 1.3) + 10;
        List<String> extensions = new ArrayList<>(demo.extensions());
        List<AgentConfig> agents = new ArrayList<>(demo.agents());
        List<String> skills = demo.queues().stream().map(q -> q.skill()).toList();
        List<String> simulatedIds = new ArrayList<>();
        for (int i = 1; i <= simulated; i++) {
            String extension = String.valueOf(200_000 + i);
            extensions.add(extension);
            agents.add(new AgentConfig(String.valueOf(100_000 + i), "soak", "Soak " + i, "north", extension, skills));
            simulatedIds.add(String.valueOf(100_000 + i));
        }
        List<QueueTraffic> profiles = demo.queues().stream().map(q -> new QueueTraffic(q.id(), 1200,
                TimeDistribution.of(60, 5, 300), 0.2, TimeDistribution.of(15, 2, 60), TimeDistribution.of(8, 1, 30),
                TimeDistribution.of(120, 10, 600), TimeDistribution.of(2, 1, 8))).toList();
        return new LabConfig(extensions, demo.teams(), agents, demo.supervisors(), demo.queues(), demo.routing(),
                demo.externalNumbers(), demo.customers(), demo.reasonCodes(), demo.wrapUpCodes(), demo.pbx(),
                new TrafficConfig(true, 0.1, profiles, simulatedIds));
    }

    private static AgentConfig agent(LabConfig config, String agentId) {
        return config.agents().stream().filter(a -> a.id().equals(agentId)).findFirst().orElseThrow();
    }

    private static List<User> users(LabConfig config) {
        return DESKTOP_AGENTS.stream().map(id -> agent(config, id))
                .map(a -> new User(new AgentId(a.id()), PasswordHash.of(a.password()), User.Role.agent, a.team(), a.extension())).toList();
    }

    /** The customers to pop and the codes to record, as the embedded deployment seeds them. */
    private static void seed(Store store, LabConfig config) {
        store.customers().seed(config.customers().stream().map(c -> new Customer(c.id(), c.name(), c.phone(), c.accountId())).toList());
        store.codes().seed(Codes.Kind.REASON, config.reasonCodes().stream().map(r -> new Code(r.id(), r.label())).toList());
        store.codes().seed(Codes.Kind.WRAP_UP, config.wrapUpCodes().stream().map(w -> new Code(w.id(), w.label())).toList());
    }

    private static long retainedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
