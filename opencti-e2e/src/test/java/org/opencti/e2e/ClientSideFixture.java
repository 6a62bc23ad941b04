package org.opencti.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.model.AgentId;
import org.opencti.server.Deployment;
import org.opencti.server.config.ServerConfig;
import org.opencti.server.config.StoreSettings;
import org.opencti.store.agentstate.AgentStateChange;
import org.opencti.store.interaction.Interaction;
import org.opencti.store.interaction.InteractionQuery;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A client-side deployment: the lab with its CSTA WebSocket ({@code /csta}) for the browser and its TCP port for the
 * server's connector and the test's customer phones, and the server on the same lab (its embedded lab does not serve
 * WebSocket yet, so the lab runs beside it, as a real PBX would). The agent page chooses its implementation from the
 * query string, which carries the lab's {@code /csta} URL and queue names.
 */
final class ClientSideFixture implements AutoCloseable {
    final ContactCentreLab lab;
    final Deployment deployment;

    private ClientSideFixture(ContactCentreLab lab, Deployment deployment) {
        this.lab = lab;
        this.deployment = deployment;
    }

    static ClientSideFixture start(Path dataDir) {
        ContactCentreLab lab = ContactCentreLab.create(LabOptions.defaults().withCstaPort(0).withWebSocketPort(0));
        lab.start();
        try {
            String queues = lab.config().queues().stream().map(q -> q.device() + "=" + q.id()).collect(Collectors.joining(","));
            Deployment deployment = Deployment.start(new ServerConfig(0, dataDir, List.of(), false, null, 0, 0, false, "csta",
                    Map.of("host", "127.0.0.1", "port", String.valueOf(lab.cstaPort()), "queues", queues), StoreSettings.DEFAULTS));
            return new ClientSideFixture(lab, deployment);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** The agent page on {@code impl} ({@code gateway}, {@code csta-ws}, {@code pega-csta}). */
    String agentPage(String impl) {
        String queues = lab.config().queues().stream().map(q -> q.device() + ":" + q.id()).collect(Collectors.joining(","));
        return "http://localhost:" + deployment.port() + "/desktop/pages/agent.html?impl=" + impl
                + "&csta=ws://127.0.0.1:" + lab.webSocketPort() + "/csta&queues=" + queues;
    }

    /** Opens the agent page in a new tab of {@code desktop} and logs {@code agentId} in (default extension). */
    Page loggedIn(BrowserContext desktop, String agentId, String impl) {
        Page page = desktop.newPage();
        page.navigate(agentPage(impl));
        page.getByLabel("Agent ID").fill(agentId);
        page.getByLabel("Password").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(agentState(page)).isVisible();
        return page;
    }

    static Locator agentState(Page page) {
        return page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Agent state"));
    }

    static void goReady(Page page) {
        agentState(page).selectOption(new SelectOption().setLabel("Ready"));
        assertThat(agentState(page)).hasValue("Ready");
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator customerHeading(Page page) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Customer"))
                .getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2));
    }

    /** Wraps up the ended call with the first code; returns the code. */
    static String wrapUp(Page page, String notes) {
        Locator code = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Wrap-up code"));
        assertThat(code).isVisible();
        code.selectOption(new SelectOption().setIndex(1));
        String chosen = code.inputValue();
        page.getByLabel("Notes").fill(notes);
        button(page, "Wrap up").click();
        assertThat(code).not().isVisible();
        return chosen;
    }

    List<Interaction> interactionsOf(String agentId) {
        deployment.store().awaitFlushed(Duration.ofSeconds(5));
        return deployment.store().interactions().find(InteractionQuery.all().forAgent(new AgentId(agentId)));
    }

    List<AgentStateChange> agentStatesOf(String agentId) {
        deployment.store().awaitFlushed(Duration.ofSeconds(5));
        return deployment.store().agentStates().changes(new AgentId(agentId), java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(3600), org.opencti.store.Page.FIRST_100);
    }

    /** What an interaction row says about the call, without ids and times (which differ from call to call). */
    static Map<String, Object> comparable(Interaction row) {
        return new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("callType", row.callType()), Map.entry("ani", String.valueOf(row.ani())),
                Map.entry("dnis", String.valueOf(row.dnis())), Map.entry("queue", String.valueOf(row.queue())),
                Map.entry("answered", row.answeredAt() != null), Map.entry("ended", row.ended()),
                Map.entry("endApproximate", row.endApproximate()), Map.entry("held", row.holdTime().isPositive()),
                Map.entry("cause", String.valueOf(row.cause())), Map.entry("wrapUpCode", String.valueOf(row.wrapUpCode())),
                Map.entry("wrapUpNotes", String.valueOf(row.wrapUpNotes())), Map.entry("wrapped", row.wrappedAt() != null),
                Map.entry("callData", row.callData()), Map.entry("customerId", String.valueOf(row.customerId())),
                Map.entry("ownConversation", row.conversationId().equals(row.callId()))));
    }

    @Override public void close() {
        try {
            deployment.close();
        } finally {
            lab.close();
        }
    }
}
