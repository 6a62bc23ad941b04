package org.opencti.e2e;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencti.lab.config.Customer;
import org.opencti.store.agentstate.AgentStateChange;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9: two tabs of one agent on the gateway implementation. Each tab holds its own socket to the agent's one
 * session, both show the call, and closing one tab mid-call leaves the other in full control.
 */
class TwoTabsTest {
    @RegisterExtension static final ContactCentre centre = new ContactCentre();

    @Test
    void both_tabs_show_the_call_and_the_remaining_tab_controls_it_after_the_other_is_closed() {
        Customer customer = centre.customer(61);
        AgentDesk firstTab = centre.logIn("1001");
        firstTab.goReady();
        List<String> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        firstTab.page.context().onPage(page -> page.onWebSocket(socket -> sockets.add(socket.url())));
        AgentDesk secondTab = firstTab.openAnotherTab();
        assertThat(secondTab.agentState()).hasValue("Ready");
        assertThat(sockets).singleElement().asString().endsWith("/cti/v1"); // the second tab dialled its own

        centre.customerCalls(customer, "8001");

        for (AgentDesk tab : List.of(firstTab, secondTab)) {
            assertThat(tab.button("Answer")).isVisible();
            assertThat(tab.customerName()).hasText(customer.name());
        }
        firstTab.screenshot("01-ringing-first-tab");
        secondTab.screenshot("02-ringing-second-tab");
        secondTab.button("Answer").click();
        var call = Pattern.compile("^Inbound call " + customer.name());
        assertThat(firstTab.call(call)).containsText("Established");
        assertThat(secondTab.call(call)).containsText("Established");

        firstTab.page.close();

        secondTab.button("Hold").click();
        assertThat(secondTab.call(call)).containsText("Held");
        secondTab.button("Retrieve").click();
        assertThat(secondTab.call(call)).containsText("Established");
        secondTab.screenshot("03-second-tab-alone");
        secondTab.button("Hang up").click();
        String code = secondTab.wrapUp("Handled from the second tab");
        assertThat(secondTab.agentState()).not().hasValue("Busy");

        assertThat(centre.interactionsOf("1001", rows -> rows.stream().anyMatch(r -> r.wrapUpCode() != null)))
                .singleElement().satisfies(row -> {
                    assertThat(row.answeredAt()).isNotNull();
                    assertThat(row.holdTime()).isPositive();
                    assertThat(row.wrapUpCode()).isEqualTo(code);
                });
        assertThat(centre.agentStatesOf("1001")).extracting(AgentStateChange::reasonCode).doesNotContain("DesktopLost");
    }
}
