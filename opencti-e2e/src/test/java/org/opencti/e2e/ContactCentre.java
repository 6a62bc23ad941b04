package org.opencti.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opencti.lab.config.Customer;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;
import org.opencti.model.AgentId;
import org.opencti.server.Deployment;
import org.opencti.server.config.ServerConfig;
import org.opencti.store.agentstate.AgentStateChange;
import org.opencti.store.audit.AuditEntry;
import org.opencti.store.interaction.Interaction;
import org.opencti.store.interaction.InteractionQuery;

import static org.assertj.core.api.Assertions.fail;

/**
 * One contact centre per test class: the real server with its embedded lab (demo configuration, no generated traffic)
 * on free ports, H2 in a temporary folder, Debian's Chromium, and a customer phone on the lab's CSTA TCP port. Tests
 * open agent desktops from it, make customers call, and read what the platform recorded.
 * Register it with {@code @RegisterExtension static final ContactCentre centre = new ContactCentre();}. Chromium is
 * shared by all test classes of the run; everything else is per class.
 */
final class ContactCentre implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** Web-first assertions wait this long: the machine is shared, and an Offering waits for the screen pop. */
    private static final double ASSERTION_TIMEOUT_MS = 10_000;
    private static final Duration RECORDING_TIMEOUT = Duration.ofSeconds(10);

    private Path dataDir;
    private Deployment deployment;
    private BrowserHarness browser;
    private CstaTestClient phones;
    private String testClass;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<BrowserContext> classContexts = new ArrayList<>();
    private final List<AgentDesk> desks = new ArrayList<>();

    @Override public void beforeAll(ExtensionContext context) throws IOException {
        testClass = context.getRequiredTestClass().getSimpleName();
        dataDir = Files.createTempDirectory("opencti-e2e-");
        PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
        deployment = Deployment.start(ServerConfig.defaults().withPort(0).withLabCstaPort(0).withLabWebSocketPort(0).withDataDir(dataDir)
                .withLab(true, false));
        // One Chromium for the whole run (launching it costs seconds); each test still gets fresh profiles.
        browser = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(BrowserHarness.class, key -> new BrowserHarness(), BrowserHarness.class);
        phones = CstaTestClient.connect(deployment.lab().orElseThrow().cstaPort());
    }

    /**
     * Logs out the agents a test logged in, so the next test's customers reach only its own agents (the ACD offers a
     * call to any Ready agent, and a session outlives its closed tabs for a grace period).
     */
    @Override public void afterEach(ExtensionContext context) {
        java.util.Set<String> loggedOut = new java.util.HashSet<>();
        for (AgentDesk desk : desks) // one tab per agent logs out: the session, shared by its tabs, ends
            if (!desk.page.isClosed() && loggedOut.add(desk.agentId)) desk.logOut();
        desks.clear();
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override public void afterAll(ExtensionContext context) throws IOException {
        classContexts.forEach(BrowserContext::close);
        if (phones != null) phones.close();
        if (deployment != null) deployment.close();
        if (dataDir == null) return;
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(ContactCentre::delete);
        }
    }

    Deployment deployment() { return deployment; }

    String url(String path) { return "http://localhost:" + deployment.port() + path; }

    /** The server's OpenAPI document: what this server's REST API offers. */
    String openApi() {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/openapi.json"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh browser profile (its own session storage): one person's browser. Closed after the test. */
    BrowserContext newBrowser() {
        BrowserContext context = browser.newDesktop();
        contexts.add(context);
        return context;
    }

    /** A fresh browser profile that stays open for the whole class (e.g. a supervisor's board). */
    BrowserContext newBrowserForTheClass() {
        BrowserContext context = browser.newDesktop();
        classContexts.add(context);
        return context;
    }

    /** Opens the agent desktop in a fresh browser and logs {@code agentId} in (password {@code demo}). */
    AgentDesk logIn(String agentId) {
        return opened(AgentDesk.logIn(this, newBrowser().newPage(), agentId));
    }

    /** Remembers a desk (e.g. a second tab) to log out after the test. */
    AgentDesk opened(AgentDesk desk) {
        desks.add(desk);
        return desk;
    }

    /** Saves a full-page screenshot as target/screenshots/<test class>/<name>.png (an artifact, never committed). */
    void screenshot(Page page, String name) {
        browser.screenshot(page, testClass + "/" + name);
    }

    /** A customer of the lab's directory (the screen pop finds them by their number). */
    Customer customer(int index) {
        return deployment.lab().orElseThrow().config().customers().get(index);
    }

    /** The customer dials {@code dialled} (e.g. the sales queue 8001), with their account id as call data. */
    CustomerCall customerCalls(Customer customer, String dialled) {
        String callId = phones.ok(Csta.makeCall(customer.phone(), dialled, Map.of("accountId", customer.accountId())))
                .text("callingDevice", "callID").orElseThrow();
        return new CustomerCall(customer, callId);
    }

    /** A customer's call, seen from the customer's phone. */
    final class CustomerCall {
        final Customer customer;
        final String callId;

        private CustomerCall(Customer customer, String callId) {
            this.customer = customer;
            this.callId = callId;
        }

        /** The customer hangs up. */
        void hangUp() {
            phones.ok(Csta.clearConnection(callId, customer.phone()));
        }
    }

    /** The agent's interactions, once some row satisfies {@code ready} (rows are written off the event path). */
    List<Interaction> interactionsOf(String agentId, Predicate<List<Interaction>> ready) {
        return recorded(() -> deployment.store().interactions().find(InteractionQuery.all().forAgent(new AgentId(agentId))),
                ready, "interactions of " + agentId);
    }

    /** Every agent-state change logged for the agent, newest first (after the writer drained its queue). */
    List<AgentStateChange> agentStatesOf(String agentId) {
        deployment.store().awaitFlushed(RECORDING_TIMEOUT);
        return deployment.store().agentStates().changes(new AgentId(agentId), Instant.EPOCH, Instant.now().plusSeconds(60),
                org.opencti.store.Page.FIRST_100);
    }

    /** The audit trail of requests made for the agent, once some entry satisfies {@code ready}. */
    List<AuditEntry> auditOf(String agentId, Predicate<List<AuditEntry>> ready) {
        return recorded(() -> deployment.store().audit().entries(new AgentId(agentId), Instant.EPOCH,
                Instant.now().plusSeconds(60), org.opencti.store.Page.FIRST_100), ready, "audit entries of " + agentId);
    }

    /**
     * Reads rows until they satisfy {@code ready}: the server records an event just after sending it to the desktop,
     * so the row may land a moment after the panel showed the event. Fails listing the last rows read.
     */
    private <T> List<T> recorded(Supplier<List<T>> read, Predicate<List<T>> ready, String what) {
        Instant deadline = Instant.now().plus(RECORDING_TIMEOUT);
        while (true) {
            deployment.store().awaitFlushed(RECORDING_TIMEOUT);
            List<T> rows = read.get();
            if (ready.test(rows)) return rows;
            if (Instant.now().isAfter(deadline)) fail("The %s never matched within %s; last read: %s", what, RECORDING_TIMEOUT, rows);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // poll interval, not a stand-in for a condition
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the test data " + path, e);
        }
    }
}
