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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.config.Customer;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;
import org.opencti.model.AgentId;
import org.opencti.server.Deployment;
import org.opencti.server.config.ServerConfig;
import org.opencti.store.interaction.Interaction;
import org.opencti.store.interaction.InteractionQuery;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent desktop in Debian's Chromium against the real server and lab: the main call story of a contact centre,
 * checked in the panel and in the database.
 */
class AgentDeskTest {
    @TempDir static Path dataDir;
    private static Deployment deployment;
    private static BrowserHarness browser;

    @BeforeAll
    static void start() {
        deployment = Deployment.start(ServerConfig.defaults().withPort(0).withLabCstaPort(0).withDataDir(dataDir)
                .withLab(true, false));
        browser = new BrowserHarness();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (deployment != null) deployment.close();
    }

    private Page loggedIn(BrowserContext context, String agentId) {
        Page page = context.newPage();
        page.navigate("http://localhost:" + deployment.port() + "/desktop/pages/agent.html");
        page.getByLabel("Agent ID").fill(agentId);
        page.getByLabel("Password").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Agent state"))).isVisible();
        return page;
    }

    private static void goReady(Page page) {
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Agent state"))
                .selectOption(new SelectOption().setLabel("Ready"));
        assertThat(page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Agent state")))
                .hasValue("Ready");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void a_customer_call_rings_pops_the_customer_is_held_retrieved_transferred_and_wrapped_up() {
        Customer customer = deployment.lab().orElseThrow().config().customers().get(7);
        try (BrowserContext first = browser.newDesktop(); BrowserContext second = browser.newDesktop();
             CstaTestClient customerPhone = CstaTestClient.connect(deployment.lab().orElseThrow().cstaPort())) {
            Page agent1001 = loggedIn(first, "1001");
            goReady(agent1001);
            browser.screenshot(agent1001, "01-ready");

            customerPhone.ok(Csta.makeCall(customer.phone(), "8001", Map.of("accountId", customer.accountId())));

            assertThat(button(agent1001, "Answer")).isVisible();
            Locator customerPanel = agent1001.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Customer"));
            assertThat(customerPanel.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2)))
                    .hasText(customer.name());
            browser.screenshot(agent1001, "02-ringing");

            button(agent1001, "Answer").click();
            assertThat(button(agent1001, "Hold")).isEnabled();
            browser.screenshot(agent1001, "03-talking");
            button(agent1001, "Hold").click();
            assertThat(button(agent1001, "Retrieve")).isEnabled();
            browser.screenshot(agent1001, "04-held");
            button(agent1001, "Retrieve").click();
            assertThat(button(agent1001, "Hold")).isEnabled();

            Page agent1002 = loggedIn(second, "1002");
            goReady(agent1002);
            agent1001.getByLabel("Destination").first().fill("5002");
            button(agent1001, "Start transfer").click();
            assertThat(button(agent1002, "Answer")).isVisible();
            assertThat(agent1002.locator("opencti-call-control-panel")).containsText(customer.accountId());
            button(agent1002, "Answer").click();
            assertThat(button(agent1001, "Complete transfer")).isEnabled();
            browser.screenshot(agent1001, "05-consulting");
            button(agent1001, "Complete transfer").click();

            assertThat(button(agent1002, "Hang up")).isEnabled();
            assertThat(agent1002.locator("opencti-call-control-panel")).containsText(customer.accountId());
            browser.screenshot(agent1002, "06-transferred-in");
            Locator wrapUp = agent1001.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Wrap-up code"));
            assertThat(wrapUp).isVisible();
            wrapUp.selectOption(new SelectOption().setIndex(1));
            String code = wrapUp.inputValue();
            agent1001.getByLabel("Notes").fill("Transferred to billing specialist");
            button(agent1001, "Wrap up").click();
            assertThat(wrapUp).not().isVisible();
            browser.screenshot(agent1001, "07-wrapped-up");

            // 1001 handled two calls of one conversation: the customer's, and the consult leg to 1002.
            List<Interaction> rows = interactionsOf("1001");
            assertThat(rows).hasSize(2);
            assertThat(rows).extracting(Interaction::conversationId).containsOnly(rows.getFirst().conversationId());
            Interaction row = rows.stream().filter(r -> customer.phone().equals(r.ani())).findFirst().orElseThrow();
            assertThat(row.callType()).isEqualTo(org.opencti.model.CallType.Inbound);
            assertThat(row.queue()).isEqualTo("sales");
            assertThat(row.answeredAt()).isNotNull();
            assertThat(row.wrapUpCode()).isEqualTo(code);
            assertThat(row.wrapUpNotes()).isEqualTo("Transferred to billing specialist");
            assertThat(row.customerId()).isEqualTo(customer.id());
            assertThat(interactionsOf("1002")).singleElement()
                    .satisfies(transferred -> assertThat(transferred.conversationId()).isEqualTo(row.conversationId()));
        }
    }

    private static List<Interaction> interactionsOf(String agentId) {
        deployment.store().awaitFlushed(Duration.ofSeconds(5));
        return deployment.store().interactions().find(InteractionQuery.all().forAgent(new AgentId(agentId)));
    }
}
