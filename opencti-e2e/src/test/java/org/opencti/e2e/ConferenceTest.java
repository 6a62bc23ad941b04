package org.opencti.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencti.lab.config.Customer;
import org.opencti.store.interaction.Interaction;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9: a three-party conference (customer, 1001, 1002) in which one party is dropped: the others stay
 * connected, the parties lists follow, and every leg is recorded under the customer's conversation.
 */
class ConferenceTest {
    @RegisterExtension static final ContactCentre centre = new ContactCentre();

    @Test
    void a_conference_loses_the_dropped_agent_and_the_customer_and_the_first_agent_stay_connected() {
        Customer customer = centre.customer(41);
        AgentDesk agent1001 = centre.logIn("1001");
        AgentDesk agent1002 = centre.logIn("1002"); // stays NotReady: the consult rings its extension, not the queue
        agent1001.goReady();
        ContactCentre.CustomerCall customerCall = centre.customerCalls(customer, "8001");
        agent1001.button("Answer").click();
        assertThat(agent1001.button("Hold")).isEnabled();

        agent1001.page.getByLabel("Destination").fill("5002");
        agent1001.button("Conference").click();
        assertThat(agent1002.button("Answer")).isVisible();
        agent1002.button("Answer").click();
        assertThat(agent1001.button("Complete conference")).isEnabled();
        agent1001.screenshot("01-consulting");
        agent1001.button("Complete conference").click();

        assertThat(parties(agent1001)).hasCount(3);
        assertThat(parties(agent1002)).hasCount(3);
        for (AgentDesk desk : List.of(agent1001, agent1002)) {
            assertThat(desk.calls()).hasCount(1);
            assertThat(parties(desk).filter(new Locator.FilterOptions().setHasText(customer.phone()))).hasCount(1);
        }
        assertThat(parties(agent1001).filter(new Locator.FilterOptions().setHasText("5002"))).hasCount(1);
        assertThat(parties(agent1002).filter(new Locator.FilterOptions().setHasText("5001"))).hasCount(1);
        agent1001.screenshot("02-conference-1001");
        agent1002.screenshot("03-conference-1002");

        agent1001.button("Drop party 5002").click();

        assertThat(agent1002.calls()).hasCount(0);
        assertThat(parties(agent1001)).hasCount(2);
        assertThat(parties(agent1001).filter(new Locator.FilterOptions().setHasText("5002"))).hasCount(0);
        assertThat(parties(agent1001).filter(new Locator.FilterOptions().setHasText(customer.phone()))).hasCount(1);
        assertThat(agent1001.calls()).containsText("Established");
        agent1001.screenshot("04-party-dropped");

        customerCall.hangUp();
        assertThat(agent1001.calls()).hasCount(0);
        agent1001.wrapUp("Conference with a specialist");

        List<Interaction> rows1001 = centre.interactionsOf("1001", rows -> rows.stream().anyMatch(r -> r.wrapUpCode() != null));
        List<Interaction> rows1002 = centre.interactionsOf("1002", rows -> rows.stream().allMatch(r -> r.endedAt() != null) && !rows.isEmpty());
        Interaction customerRow = rows1001.stream().filter(r -> customer.phone().equals(r.ani())).findFirst().orElseThrow();
        assertThat(customerRow.answeredAt()).isNotNull();
        assertThat(customerRow.customerId()).isEqualTo(customer.id());
        assertThat(rows1002).isNotEmpty().allSatisfy(row -> assertThat(row.answeredAt()).isNotNull());
        assertThat(java.util.stream.Stream.concat(rows1001.stream(), rows1002.stream()).map(Interaction::conversationId))
                .containsOnly(customerRow.conversationId());
    }

    /** The parties listed on the desk's one call. */
    private static Locator parties(AgentDesk desk) {
        return desk.calls().getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Parties"))
                .getByRole(AriaRole.LISTITEM);
    }
}
