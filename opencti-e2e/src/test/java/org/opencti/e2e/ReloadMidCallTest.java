package org.opencti.e2e;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencti.lab.config.Customer;
import org.opencti.model.AgentState;
import org.opencti.store.agentstate.AgentStateChange;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #8: reloading the agent page mid-call resumes the stored session: the call, its timer (counting on from the
 * call's {@code since}, not from 0) and the agent state are all still there, and the call can still be controlled.
 */
class ReloadMidCallTest {
    @RegisterExtension static final ContactCentre centre = new ContactCentre();

    @Test
    void a_reload_mid_call_keeps_the_call_its_running_timer_and_the_agent_state() {
        Customer customer = centre.customer(31);
        AgentDesk agent = centre.logIn("1001");
        agent.goReady();
        centre.customerCalls(customer, "8001");
        agent.button("Answer").click();
        Locator call = agent.call(Pattern.compile("^Inbound call " + customer.name()));
        assertThat(call).containsText("Established");
        // Let the timer run a few seconds, so that a timer restarting at 0:00 after the reload cannot pass for it.
        assertThat(AgentDesk.timer(call)).hasText(Pattern.compile("^0:0[3-9]$"));
        String callSince = AgentDesk.timer(call).getAttribute("data-since");
        String stateSince = AgentDesk.timer(agent.agentArea()).getAttribute("data-since");
        agent.screenshot("01-before-reload");

        agent.page.reload();

        assertThat(agent.agentState()).hasValue("Busy");
        assertThat(AgentDesk.timer(agent.agentArea())).hasAttribute("data-since", stateSince);
        assertThat(call).containsText("Established");
        assertThat(AgentDesk.timer(call)).hasAttribute("data-since", callSince);
        // Read once, as first drawn: the elapsed time is computed from since, so it is at least the 3 s seen before.
        assertThat(elapsedSeconds(AgentDesk.timer(call).textContent())).isGreaterThanOrEqualTo(3);
        assertThat(agent.customerName()).hasText(customer.name());
        agent.screenshot("02-after-reload");

        agent.button("Hold").click();
        assertThat(call).containsText("Held");
        agent.button("Retrieve").click();
        assertThat(call).containsText("Established");
        agent.button("Hang up").click();
        String code = agent.wrapUp("Reloaded the desktop during the call");
        assertThat(centre.interactionsOf("1001", rows -> rows.stream().anyMatch(r -> r.wrapUpCode() != null)))
                .singleElement().satisfies(row -> {
                    assertThat(row.answeredAt()).isNotNull();
                    assertThat(row.endedAt()).isNotNull();
                    assertThat(row.holdTime()).isPositive();
                    assertThat(row.wrapUpCode()).isEqualTo(code);
                });
        // The reload never looked like a vanished desktop: no DesktopLost, just login, Ready, the call, wrap-up.
        assertThat(centre.agentStatesOf("1001")).extracting(AgentStateChange::reasonCode).doesNotContain("DesktopLost");
        assertThat(centre.agentStatesOf("1001").reversed()).extracting(AgentStateChange::state)
                .startsWith(AgentState.NotReady, AgentState.Ready, AgentState.Busy);
    }

    /** "m:ss" or "h:mm:ss" as the panel writes it. */
    private static int elapsedSeconds(String shown) {
        int seconds = 0;
        for (String part : shown.trim().split(":")) seconds = seconds * 60 + Integer.parseInt(part);
        return seconds;
    }
}
