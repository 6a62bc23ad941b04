package org.opencti.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
import org.opencti.store.interaction.Interaction;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.e2e.ClientSideFixture.button;
import static org.opencti.e2e.ClientSideFixture.customerHeading;
import static org.opencti.e2e.ClientSideFixture.goReady;
import static org.opencti.e2e.ClientSideFixture.wrapUp;

/**
 * A Pega-style vendor implementation (callbacks, {@code py} events; {@code pages/pega-csta-desktop.js}) that talks
 * CSTA to the lab's {@code /csta}, run unchanged through {@code pega-compat} on the agent page: the call story works
 * and the platform records it.
 */
class ClientSidePegaTest {
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
    void a_pega_style_implementation_runs_the_call_story_against_the_lab_through_pega_compat() {
        Customer customer = fixture.lab.config().customers().get(3);
        try (BrowserContext desktop = browser.newDesktop(); CstaTestClient customerPhone = CstaTestClient.connect(fixture.lab.cstaPort())) {
            Page agent = fixture.loggedIn(desktop, "1001", "pega-csta");
            goReady(agent);

            customerPhone.ok(Csta.makeCall(customer.phone(), "8001", Map.of("accountId", customer.accountId())));

            assertThat(button(agent, "Answer")).isVisible();
            assertThat(customerHeading(agent)).hasText(customer.name());
            button(agent, "Answer").click();
            assertThat(button(agent, "Hold")).isEnabled();
            button(agent, "Hold").click();
            assertThat(button(agent, "Retrieve")).isEnabled();
            button(agent, "Retrieve").click();
            assertThat(button(agent, "Hold")).isEnabled();
            browser.screenshot(agent, "client-side-pega-01-talking");
            button(agent, "Hang up").click();
            String code = wrapUp(agent, "Pega-style desk");

            List<Interaction> rows = fixture.interactionsOf("1001");
            assertThat(rows).hasSize(1);
            Interaction row = rows.getFirst();
            assertThat(row.queue()).isEqualTo("sales");
            assertThat(row.ani()).isEqualTo(customer.phone());
            assertThat(row.answeredAt()).isNotNull();
            assertThat(row.holdTime()).isPositive();
            assertThat(row.customerId()).isEqualTo(customer.id());
            assertThat(row.wrapUpCode()).isEqualTo(code);
        }
    }
}
