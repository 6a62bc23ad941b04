package org.opencti.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.config.Customer;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;
import org.opencti.model.CallType;
import org.opencti.store.interaction.Interaction;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.e2e.ClientSideFixture.button;
import static org.opencti.e2e.ClientSideFixture.comparable;
import static org.opencti.e2e.ClientSideFixture.customerHeading;
import static org.opencti.e2e.ClientSideFixture.goReady;
import static org.opencti.e2e.ClientSideFixture.wrapUp;

/**
 * The main call story on a client-side desk: the browser talks CSTA to the lab's {@code /csta} itself ({@code csta-ws})
 * and forwards every canonical event to the platform, which records the same interaction as it does for a desk on the
 * gateway (a server-side connector) living the same story.
 */
class ClientSideCallStoryTest {
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

    @Test
    void a_csta_ws_desk_rings_pops_answers_holds_retrieves_hangs_up_and_wraps_up_recording_what_the_gateway_records() {
        Customer customer = fixture.lab.config().customers().get(7);
        try (BrowserContext gatewayDesktop = browser.newDesktop(); BrowserContext clientSideDesktop = browser.newDesktop();
             CstaTestClient customerPhone = CstaTestClient.connect(fixture.lab.cstaPort())) {
            Page viaGateway = fixture.loggedIn(gatewayDesktop, "1002", "gateway");
            Interaction throughGateway = callStory(viaGateway, customerPhone, customer, "1002", "gateway");
            button(viaGateway, "Log out").click(); // so the ACD offers the next call to 1001 alone
            assertThat(viaGateway.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Log in"))).isVisible();

            Page clientSide = fixture.loggedIn(clientSideDesktop, "1001", "csta-ws");
            Interaction recorded = callStory(clientSide, customerPhone, customer, "1001", "csta-ws");

            assertThat(recorded.callType()).isEqualTo(CallType.Inbound);
            assertThat(recorded.queue()).isEqualTo("sales");
            assertThat(recorded.ani()).isEqualTo(customer.phone());
            assertThat(recorded.customerId()).isEqualTo(customer.id());
            assertThat(recorded.holdTime()).isPositive();
            assertThat(recorded.wrapUpNotes()).isEqualTo("Renewal explained");
            assertThat(comparable(recorded)).isEqualTo(comparable(throughGateway));
        }
    }

    /** Ready, a customer calls queue sales, pop, answer, hold, retrieve, hang up, wrap up; returns the recorded row. */
    private static Interaction callStory(Page agent, CstaTestClient customerPhone, Customer customer, String agentId, String impl) {
        goReady(agent);

        customerPhone.ok(Csta.makeCall(customer.phone(), "8001", Map.of("accountId", customer.accountId())));

        assertThat(button(agent, "Answer")).isVisible();
        assertThat(customerHeading(agent)).hasText(customer.name());
        browser.screenshot(agent, "client-side-" + impl + "-01-ringing");
        button(agent, "Answer").click();
        assertThat(button(agent, "Hold")).isEnabled();
        button(agent, "Hold").click();
        assertThat(button(agent, "Retrieve")).isEnabled();
        browser.screenshot(agent, "client-side-" + impl + "-02-held");
        button(agent, "Retrieve").click();
        assertThat(button(agent, "Hold")).isEnabled();
        button(agent, "Hang up").click();
        String code = wrapUp(agent, "Renewal explained");
        browser.screenshot(agent, "client-side-" + impl + "-03-wrapped-up");

        java.util.List<Interaction> rows = fixture.interactionsOf(agentId);
        assertThat(rows).hasSize(1);
        Interaction row = rows.getFirst();
        assertThat(row.wrapUpCode()).isEqualTo(code);
        return row;
    }
}
