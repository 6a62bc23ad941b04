package org.opencti.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencti.lab.config.Customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #9: a supervisor at /supervisor follows two agents of the team (state, time in state, current call) as they
 * go Ready, take a call and wrap up. With the server's supervision feed (team events and QueueEvents on the
 * supervisor's socket, {@code GET /api/v1/queues}, {@code POST /api/v1/agents/{id}/state}) the board changes by
 * itself, shows the queue, and the supervisor sets a team member NotReady; without it, the board shows what
 * {@code GET /api/v1/agents} reports when the supervisor refreshes.
 */
class SupervisorPageTest {
    @RegisterExtension static final ContactCentre centre = new ContactCentre();
    private static final Pattern TIME_IN_STATE = Pattern.compile("^\\d+:\\d\\d$");
    private static Page supervisorPage;

    @Test
    void the_team_board_shows_each_agents_state_time_in_state_and_current_call_on_refresh() {
        Page supervisor = supervisorLogsIn();
        Runnable refresh = () -> supervisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh")).click();
        Customer customer = centre.customer(71);
        AgentDesk agent1001 = centre.logIn("1001");
        AgentDesk agent1002 = centre.logIn("1002");
        refresh.run();
        assertThat(state(supervisor, "1001")).hasText("NotReady (login)");
        assertThat(state(supervisor, "1002")).hasText("NotReady (login)");

        agent1001.goReady();
        agent1002.goReady();
        refresh.run();
        assertThat(state(supervisor, "1001")).hasText("Ready");
        assertThat(timeInState(supervisor, "1001")).hasText(TIME_IN_STATE);
        assertThat(state(supervisor, "1002")).hasText("Ready");

        ContactCentre.CustomerCall call = centre.customerCalls(customer, "8001"); // 1001 has been Ready the longest
        agent1001.button("Answer").click();
        assertThat(agent1001.button("Hold")).isEnabled();
        refresh.run();
        assertThat(state(supervisor, "1001")).hasText("Busy");
        assertThat(currentCall(supervisor, "1001")).containsText("Established Inbound " + customer.phone());
        assertThat(currentCall(supervisor, "1002")).hasText("");
        centre.screenshot(supervisor, "01-refreshed-during-the-call");

        call.hangUp();
        agent1001.wrapUp("Seen by the supervisor");
        refresh.run();
        assertThat(state(supervisor, "1001")).hasText(Pattern.compile("^(AfterCallWork|Ready)$"));
        assertThat(currentCall(supervisor, "1001")).hasText("");
    }

    @Test
    void the_team_board_follows_the_agents_and_the_queue_live_and_sets_a_member_not_ready() {
        assumeTrue(centre.openApi().contains("/api/v1/agents/{agentId}/state"),
                "the server has no supervision feed yet (team and queue events to supervisors, /api/v1/queues)");
        Page supervisor = supervisorLogsIn();
        Customer customer = centre.customer(72);
        AgentDesk agent1001 = centre.logIn("1001");
        AgentDesk agent1002 = centre.logIn("1002");
        assertThat(state(supervisor, "1001")).hasText("NotReady (login)");
        assertThat(state(supervisor, "1002")).hasText("NotReady (login)");

        Locator answered = queueCell(supervisor, "sales", 3);
        assertThat(answered).hasText(Pattern.compile("^\\d+$"));
        int answeredBefore = Integer.parseInt(answered.textContent()); // the class's other test may have taken a call

        ContactCentre.CustomerCall call = centre.customerCalls(customer, "8001"); // nobody is Ready: the call waits
        assertThat(queueCell(supervisor, "sales", 0)).hasText("1");
        assertThat(queueCell(supervisor, "sales", 1)).hasText(TIME_IN_STATE);
        centre.screenshot(supervisor, "02-a-call-waits");

        agent1001.goReady();
        assertThat(agent1001.button("Answer")).isVisible();
        assertThat(queueCell(supervisor, "sales", 0)).hasText("0");
        assertThat(queueCell(supervisor, "sales", 1)).hasText("");
        agent1001.button("Answer").click();
        assertThat(state(supervisor, "1001")).hasText("Busy");
        assertThat(timeInState(supervisor, "1001")).hasText(TIME_IN_STATE);
        assertThat(currentCall(supervisor, "1001")).containsText("Established Inbound " + customer.phone());
        // Waiting and longest wait follow QueueEvents; the counters come from GET /api/v1/queues.
        supervisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh")).click();
        assertThat(answered).hasText(String.valueOf(answeredBefore + 1));
        assertThat(queueCell(supervisor, "sales", 2)).hasText("100%"); // within the queue's 20 s service level
        assertThat(queueCell(supervisor, "sales", 4)).hasText("0"); // abandoned
        agent1002.goReady();
        assertThat(state(supervisor, "1002")).hasText("Ready");
        centre.screenshot(supervisor, "03-live-during-the-call");

        supervisor.getByLabel("Not-ready reason").selectOption(new SelectOption().setLabel("Break"));
        supervisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make 1002 not ready")).click();
        assertThat(state(supervisor, "1002")).hasText("NotReady (Break)");
        assertThat(agent1002.agentState()).hasValue("NotReady:Break");

        call.hangUp();
        assertThat(currentCall(supervisor, "1001")).hasText("");
        assertThat(state(supervisor, "1001")).hasText(Pattern.compile("^(AfterCallWork|Ready)$"));
        agent1001.wrapUp("Watched live");
        centre.screenshot(supervisor, "04-after-the-call");
    }

    /**
     * The supervisor's board, logged in once for the class and left open, as a supervisor keeps it: logging out does
     * not end a supervisor's session yet (the server refuses logout on platform-only sessions and keeps the session
     * for the grace period), so logging the same supervisor in again would get OPENCTI_AGENT_LOGGED_IN.
     */
    private static Page supervisorLogsIn() {
        if (supervisorPage != null) return supervisorPage;
        Page page = centre.newBrowserForTheClass().newPage();
        supervisorPage = page;
        page.navigate(centre.url("/supervisor"));
        page.getByLabel("Supervisor ID").fill("2001");
        page.getByLabel("Password").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Team agents"))).isVisible();
        return page;
    }

    /** The team-board row of an agent: its row header is the agent id. */
    private static Locator agentRow(Page supervisor, String agentId) {
        return supervisor.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Team agents"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(
                        supervisor.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(agentId).setExact(true))));
    }

    /** Columns after the Agent header: Extension 0, State 1, Time in state 2, Current call 3, Actions 4. */
    private static Locator state(Page supervisor, String agentId) { return agentRow(supervisor, agentId).getByRole(AriaRole.CELL).nth(1); }

    private static Locator timeInState(Page supervisor, String agentId) { return agentRow(supervisor, agentId).getByRole(AriaRole.CELL).nth(2); }

    private static Locator currentCall(Page supervisor, String agentId) { return agentRow(supervisor, agentId).getByRole(AriaRole.CELL).nth(3); }

    /** Columns after the Queue header: Waiting 0, Longest wait 1, Service level 2, Answered 3, Abandoned 4. */
    private static Locator queueCell(Page supervisor, String queue, int column) {
        return supervisor.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Queues")).getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHas(supervisor.getByRole(AriaRole.ROWHEADER,
                        new Page.GetByRoleOptions().setName(queue).setExact(true))))
                .getByRole(AriaRole.CELL).nth(column);
    }
}
