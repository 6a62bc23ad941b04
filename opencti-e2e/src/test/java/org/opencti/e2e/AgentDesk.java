package org.opencti.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * One tab of the agent desktop (agent.html), located the way a person finds things: by role and accessible name (the
 * names are the panel's and the page's documented contract). Every wait is a web-first assertion.
 */
final class AgentDesk {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String agentId;
    final Page page;
    private final ContactCentre centre;

    private AgentDesk(ContactCentre centre, Page page, String agentId) {
        this.centre = centre;
        this.page = page;
        this.agentId = agentId;
    }

    /** Opens the page and logs the agent in with the demo password; returns once the desk shows the agent state. */
    static AgentDesk logIn(ContactCentre centre, Page page, String agentId) {
        page.navigate(centre.url("/desktop/pages/agent.html"));
        page.getByLabel("Agent ID").fill(agentId);
        page.getByLabel("Password").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        AgentDesk desk = new AgentDesk(centre, page, agentId);
        assertThat(desk.agentState()).isVisible();
        return desk;
    }

    /** A tab that resumed the agent's stored session (a reload, or a tab opened from this one). */
    static AgentDesk resumed(ContactCentre centre, Page page, String agentId) {
        AgentDesk desk = new AgentDesk(centre, page, agentId);
        assertThat(desk.agentState()).isVisible();
        return desk;
    }

    /** Opens another tab of this desktop, as the browser does for "open in new tab": it gets this tab's session. */
    AgentDesk openAnotherTab() {
        Page tab = page.context().waitForPage(() -> page.evaluate("window.open(location.href)"));
        return centre.opened(resumed(centre, tab, agentId));
    }

    /** The Call Control Panel element. */
    Locator panel() { return page.locator("opencti-call-control-panel"); }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator agentState() {
        return page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Agent state"));
    }

    void goReady() {
        agentState().selectOption(new SelectOption().setLabel("Ready"));
        assertThat(agentState()).hasValue("Ready");
    }

    /** The panel's call rows (groups named "<callType> call <customer or number>"). */
    Locator calls() {
        return panel().getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Calls"))
                .getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(Pattern.compile(" call ")));
    }

    /** The call row whose accessible name matches, e.g. "Inbound call Hugo Durand". */
    Locator call(Pattern name) {
        return panel().getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(name));
    }

    /** The elapsed-time text of a call row or of the agent state (a CSS part; it counts from the server's since). */
    static Locator timer(Locator area) { return area.locator("[part=timer]"); }

    /** The agent-state area of the panel. */
    Locator agentArea() {
        return panel().getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Agent"));
    }

    /** The panel's error region ({@code role="alert"}: "<code>: <message>"). */
    Locator alert() { return panel().getByRole(AriaRole.ALERT); }

    /** The customer panel beside the Call Control Panel (the screen pop). */
    Locator customer() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Customer"));
    }

    Locator customerName() {
        return customer().getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2));
    }

    /** Picks the first wrap-up code, writes the notes and wraps up; returns the code chosen. */
    String wrapUp(String notes) {
        Locator code = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Wrap-up code"));
        assertThat(code).isVisible();
        code.selectOption(new SelectOption().setIndex(0));
        String chosen = code.inputValue();
        page.getByLabel("Notes").fill(notes);
        button("Wrap up").click();
        assertThat(code).not().isVisible();
        return chosen;
    }

    /**
     * Logs out from the panel: the login form shows, or, on a call, the pending logout ("Next: Logged out") that
     * applies when the call ends. Either way the ACD offers this agent no more calls.
     */
    void logOut() {
        button("Log out").click();
        assertThat(page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Log in"))
                .or(panel().getByText("Next: Logged out"))).isVisible();
    }

    void screenshot(String name) {
        centre.screenshot(page, name);
    }

    /** GET on the REST API with this tab's session token, as the page itself calls it. */
    JsonNode rest(String path) {
        String token = (String) page.evaluate("() => JSON.parse(sessionStorage.getItem('opencti.gateway.session')).token");
        APIResponse response = page.request().get(centre.url("/api/v1" + path),
                RequestOptions.create().setHeader("Authorization", "Bearer " + token));
        try {
            if (!response.ok()) throw new AssertionError("GET /api/v1" + path + " answered " + response.status() + ": " + response.text());
            return JSON.readTree(response.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            response.dispose();
        }
    }

    /**
     * Sends a request straight to the gateway on this tab's session, past the Desktop Interface and its checks (a
     * second socket that resumes the stored token), and returns the server's refusal ({@code error} of the result).
     */
    JsonNode sendPastTheDesktop(String requestJson) {
        String error = (String) page.evaluate("""
                async ([url, request]) => {
                  const token = JSON.parse(sessionStorage.getItem('opencti.gateway.session')).token;
                  const socket = new WebSocket(url);
                  await new Promise((opened, failed) => { socket.onopen = opened; socket.onerror = failed; });
                  const answer = new Promise(answered => socket.addEventListener('message', e => {
                    const frame = JSON.parse(e.data);
                    if (frame.op === 'result' && frame.id === 'crafted-1') answered(frame);
                  }));
                  socket.send(JSON.stringify({ op: 'resume', token }));
                  socket.send(JSON.stringify({ op: 'request', id: 'crafted-1', request: JSON.parse(request) }));
                  const frame = await answer;
                  socket.close();
                  return JSON.stringify(frame.ok ? { accepted: true } : frame.error);
                }""", java.util.List.of(centre.url("/cti/v1").replace("http:", "ws:"), requestJson));
        try {
            return JSON.readTree(error);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This agent's live desk as the REST API reports it ({@code GET /api/v1/agents}). */
    JsonNode liveDesk() {
        for (JsonNode agent : rest("/agents").path("items"))
            if (agentId.equals(agent.path("agentId").asText())) return agent;
        throw new AssertionError("GET /api/v1/agents does not list agent " + agentId);
    }
}
