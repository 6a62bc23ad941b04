package org.opencti.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.config.Customer;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;
import org.opencti.model.AgentState;
import org.opencti.store.agentstate.AgentStateChange;
import org.opencti.store.interaction.Interaction;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.e2e.ClientSideFixture.agentState;
import static org.opencti.e2e.ClientSideFixture.button;
import static org.opencti.e2e.ClientSideFixture.goReady;
import static org.opencti.e2e.ClientSideFixture.wrapUp;

/**
 * Two tabs of one agent on a client-side desk: one tab holds the CSTA connection and forwards to the platform, the
 * other mirrors it; when the owner tab closes mid-call, the other takes the connection over and the call goes on,
 * and the platform records every event once.
 */
class ClientSideTabsTest {
    @TempDir static Path dataDir;
    private static ClientSideFixture fixture;
    private static BrowserHarness browser;

    @BeforeAll
    static void start() {
        fixture = ClientSideFixture.start(dataDir);
        browser = new BrowserHarness();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (fixture != null) fixture.close();
    }

    private static Locator connection(Page page) {
        return page.getByRole(AriaRole.STATUS, new Page.GetByRoleOptions().setName("CTI connection"));
    }

    @Test
    void the_owner_tab_closing_mid_call_hands_the_connection_to_the_other_tab_and_the_call_goes_on_recorded_once() {
        Customer customer = fixture.lab.config().customers().get(11);
        try (BrowserContext desktop = browser.newDesktop(); CstaTestClient customerPhone = CstaTestClient.connect(fixture.lab.cstaPort())) {
            Page first = fixture.loggedIn(desktop, "1001", "csta-ws");
            assertThat(connection(first)).hasText("This tab holds the CTI connection.");
            Page second = desktop.newPage();
            second.navigate(fixture.agentPage("csta-ws"));
            assertThat(agentState(second)).isVisible(); // the second tab joins the desk without logging in
            assertThat(connection(second)).hasText("Another tab of yours holds the CTI connection.");

            goReady(second); // through the owner tab
            assertThat(agentState(first)).hasValue("Ready");
            customerPhone.ok(Csta.makeCall(customer.phone(), "8001", Map.of("accountId", customer.accountId())));
            assertThat(button(first, "Answer")).isVisible();
            button(second, "Answer").click();
            assertThat(button(first, "Hold")).isEnabled();
            assertThat(button(second, "Hold")).isEnabled();

            first.close();

            assertThat(connection(second)).hasText("This tab holds the CTI connection.");
            button(second, "Hold").click();
            assertThat(button(second, "Retrieve")).isEnabled();
            browser.screenshot(second, "client-side-tabs-01-held-after-takeover");
            button(second, "Retrieve").click();
            assertThat(button(second, "Hold")).isEnabled();
            button(second, "Hang up").click();
            String code = wrapUp(second, "Handled across tabs");

            List<Interaction> rows = fixture.interactionsOf("1001");
            assertThat(rows).hasSize(1);
            Interaction row = rows.getFirst();
            assertThat(row.answeredAt()).isNotNull();
            assertThat(row.holdTime()).isPositive();
            assertThat(row.ended()).isTrue();
            assertThat(row.wrapUpCode()).isEqualTo(code);
            assertThat(row.customerId()).isEqualTo(customer.id());
            // Each agent-state change once, though two tabs saw every event and both held the connection in turn.
            assertThat(fixture.agentStatesOf("1001")).extracting(AgentStateChange::state)
                    .containsExactlyInAnyOrder(AgentState.NotReady, AgentState.Ready, AgentState.Busy, AgentState.AfterCallWork);
        }
    }
}
