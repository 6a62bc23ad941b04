package org.opencti.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencti.lab.config.Customer;
import org.opencti.model.ErrorCode;
import org.opencti.store.audit.AuditEntry;
import org.opencti.store.interaction.Interaction;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #8: a request that is invalid in the current state shows the error (code and message) in the panel's alert
 * region and changes nothing: the agent state, the calls and what the platform recorded stay as they were.
 */
class InvalidActionTest {
    @RegisterExtension static final ContactCentre centre = new ContactCentre();

    @Test
    void a_transfer_to_an_unknown_destination_shows_the_refusal_and_the_call_goes_on_unchanged() {
        Customer customer = centre.customer(11);
        AgentDesk agent = centre.logIn("1001");
        agent.goReady();
        centre.customerCalls(customer, "8001");
        agent.button("Answer").click();
        Locator call = agent.call(Pattern.compile("^Inbound call " + customer.name()));
        assertThat(call).containsText("Established");
        String callSince = AgentDesk.timer(call).getAttribute("data-since");
        String callId = agent.liveDesk().path("calls").get(0).path("callId").asText();
        int stateChanges = centre.agentStatesOf("1001").size();

        // 5999 is no extension, queue or external number of the lab: the PBX refuses the consult before holding.
        agent.page.getByLabel("Destination").fill("5999");
        agent.button("Start transfer").click();

        assertThat(agent.alert()).containsText(ErrorCode.OPENCTI_CF_INVALID_DESTINATION.name() + ": ");
        assertThat(agent.alert()).containsText("5999");
        agent.screenshot("01-transfer-refused");
        assertThat(agent.calls()).hasCount(1);
        assertThat(call).containsText("Established");
        assertThat(AgentDesk.timer(call)).hasAttribute("data-since", callSince);
        assertThat(agent.button("Hold")).isEnabled();
        assertThat(agent.agentState()).hasValue("Busy");
        JsonNode live = agent.liveDesk();
        assertThat(live.path("state").asText()).isEqualTo("Busy");
        assertThat(live.path("calls")).singleElement().satisfies(c -> {
            assertThat(c.path("callId").asText()).isEqualTo(callId);
            assertThat(c.path("state").asText()).isEqualTo("Established");
        });
        List<AuditEntry> audit = centre.auditOf("1001", entries -> entries.stream().anyMatch(e -> !e.ok()));
        assertThat(audit).filteredOn(e -> !e.ok()).singleElement().satisfies(refused -> {
            assertThat(refused.action()).isEqualTo("transferInitiate");
            assertThat(refused.resultCode()).isEqualTo(ErrorCode.OPENCTI_CF_INVALID_DESTINATION);
        });
        assertThat(centre.agentStatesOf("1001")).hasSize(stateChanges);

        // The refusal left a working call: hold and retrieve it, dismiss the error, the customer hangs up.
        agent.button("Hold").click();
        assertThat(call).containsText("Held");
        agent.button("Retrieve").click();
        assertThat(call).containsText("Established");
        agent.button("Dismiss errors").click();
        assertThat(agent.panel()).not().containsText(ErrorCode.OPENCTI_CF_INVALID_DESTINATION.name());
        agent.button("Hang up").click();
        agent.wrapUp("Wrong number given for the transfer");
        List<Interaction> rows = centre.interactionsOf("1001", r -> r.stream().anyMatch(i -> i.wrapUpCode() != null));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.callId().value()).isEqualTo(callId);
            assertThat(row.answeredAt()).isNotNull();
            assertThat(row.holdTime()).isPositive();
        });
    }

    @Test
    void hanging_up_another_agents_call_is_refused_by_the_desktop_and_by_the_server_and_changes_no_call() {
        AgentDesk agent1003 = centre.logIn("1003");
        agent1003.goReady();
        centre.customerCalls(centre.customer(21), "8001");
        agent1003.button("Answer").click();
        AgentDesk agent1004 = centre.logIn("1004");
        agent1004.goReady();
        centre.customerCalls(centre.customer(22), "8001");
        agent1004.button("Answer").click();
        assertThat(agent1004.calls()).containsText("Established");
        assertThat(agent1003.calls()).containsText("Established");
        String othersCallId = agent1004.liveDesk().path("calls").get(0).path("callId").asText();

        // A host page that rewrites the panel's request (the opencti-action event carries its arguments) to name
        // 1004's call: the Desktop Interface refuses it before anything is sent.
        agent1003.panel().evaluate("(panel, callId) => panel.addEventListener('opencti-action', e => {"
                + " if (e.detail.action === 'hangUpCall') e.detail.args[0] = callId; }, { once: true })", othersCallId);
        agent1003.button("Hang up").click();

        assertThat(agent1003.alert()).containsText(ErrorCode.OPENCTI_UNKNOWN_CALL.name() + ": ");
        assertThat(agent1003.alert()).containsText(othersCallId);
        agent1003.screenshot("02-foreign-call-refused");

        // The same request sent straight to the gateway on 1003's session, past the desktop: the server refuses it.
        JsonNode refusal = agent1003.sendPastTheDesktop("{\"type\":\"hangUpCall\",\"callId\":\"" + othersCallId + "\"}");
        assertThat(refusal.path("code").asText()).isEqualTo(ErrorCode.OPENCTI_NOT_AUTHORIZED.name());
        assertThat(refusal.path("message").asText()).contains(othersCallId).contains("1003");

        assertThat(agent1003.calls()).hasCount(1);
        assertThat(agent1003.calls()).containsText("Established");
        assertThat(agent1004.calls()).hasCount(1);
        assertThat(agent1004.calls()).containsText("Established");
        assertThat(agent1004.agentState()).hasValue("Busy");
        assertThat(agent1004.liveDesk().path("calls")).singleElement()
                .satisfies(c -> assertThat(c.path("state").asText()).isEqualTo("Established"));
        assertThat(centre.auditOf("1003", entries -> entries.stream().anyMatch(e -> !e.ok())))
                .filteredOn(e -> !e.ok()).singleElement().satisfies(refused -> {
                    assertThat(refused.action()).isEqualTo("hangUpCall");
                    assertThat(refused.resultCode()).isEqualTo(ErrorCode.OPENCTI_NOT_AUTHORIZED);
                });
        assertThat(centre.interactionsOf("1004", r -> !r.isEmpty())).singleElement()
                .satisfies(row -> assertThat(row.endedAt()).isNull());

        agent1003.button("Hang up").click();
        agent1004.button("Hang up").click();
        agent1003.wrapUp("");
        agent1004.wrapUp("");
    }
}
