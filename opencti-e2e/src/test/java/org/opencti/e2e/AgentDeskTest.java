package org.opencti.e2e;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencti.lab.config.Customer;
import org.opencti.model.CallType;
import org.opencti.store.interaction.Interaction;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent desktop in Debian's Chromium against the real server and lab: the main call story of a contact centre,
 * checked in the panel and in the database.
 */
class AgentDeskTest {
    @RegisterExtension static final ContactCentre centre = new ContactCentre();

    @Test
    void a_customer_call_rings_pops_the_customer_is_held_retrieved_transferred_and_wrapped_up() {
        Customer customer = centre.customer(7);
        AgentDesk agent1001 = centre.logIn("1001");
        agent1001.goReady();
        agent1001.screenshot("01-ready");

        centre.customerCalls(customer, "8001");

        assertThat(agent1001.button("Answer")).isVisible();
        assertThat(agent1001.customerName()).hasText(customer.name());
        agent1001.screenshot("02-ringing");

        agent1001.button("Answer").click();
        assertThat(agent1001.button("Hold")).isEnabled();
        agent1001.screenshot("03-talking");
        agent1001.button("Hold").click();
        assertThat(agent1001.button("Retrieve")).isEnabled();
        agent1001.screenshot("04-held");
        agent1001.button("Retrieve").click();
        assertThat(agent1001.button("Hold")).isEnabled();

        AgentDesk agent1002 = centre.logIn("1002");
        agent1002.goReady();
        agent1001.page.getByLabel("Destination").first().fill("5002");
        agent1001.button("Start transfer").click();
        assertThat(agent1002.button("Answer")).isVisible();
        assertThat(agent1002.panel()).containsText(customer.accountId());
        agent1002.button("Answer").click();
        assertThat(agent1001.button("Complete transfer")).isEnabled();
        agent1001.screenshot("05-consulting");
        agent1001.button("Complete transfer").click();

        assertThat(agent1002.button("Hang up")).isEnabled();
        assertThat(agent1002.panel()).containsText(customer.accountId());
        agent1002.screenshot("06-transferred-in");
        String code = agent1001.wrapUp("Transferred to billing specialist");
        assertThat(agent1001.calls()).hasCount(0);
        agent1001.screenshot("07-wrapped-up");

        // 1001 handled two calls of one conversation: the customer's, and the consult leg to 1002.
        List<Interaction> rows = centre.interactionsOf("1001", r -> r.stream().anyMatch(i -> i.wrapUpCode() != null));
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(Interaction::conversationId).containsOnly(rows.getFirst().conversationId());
        Interaction row = rows.stream().filter(r -> customer.phone().equals(r.ani())).findFirst().orElseThrow();
        assertThat(row.callType()).isEqualTo(CallType.Inbound);
        assertThat(row.queue()).isEqualTo("sales");
        assertThat(row.answeredAt()).isNotNull();
        assertThat(row.wrapUpCode()).isEqualTo(code);
        assertThat(row.wrapUpNotes()).isEqualTo("Transferred to billing specialist");
        assertThat(row.customerId()).isEqualTo(customer.id());
        assertThat(centre.interactionsOf("1002", r -> !r.isEmpty())).singleElement()
                .satisfies(transferred -> assertThat(transferred.conversationId()).isEqualTo(row.conversationId()));
    }
}
