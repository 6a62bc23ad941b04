package org.opencti.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencti.lab.config.Customer;
import org.opencti.model.CallType;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9: click-to-dial. A phone number in the popped customer panel, and any element of the host page marked
 * {@code data-opencti-dial}, places a call through {@code makeCall}; the panel shows the outbound call.
 */
class ClickToDialTest {
    @RegisterExtension static final ContactCentre centre = new ContactCentre();

    @Test
    void the_phone_number_of_the_popped_customer_calls_the_customer_back() {
        Customer customer = centre.customer(51);
        AgentDesk agent = centre.logIn("1001");
        agent.goReady();
        ContactCentre.CustomerCall inbound = centre.customerCalls(customer, "8001");
        agent.button("Answer").click();
        assertThat(agent.button("Hold")).isEnabled();
        inbound.hangUp();
        agent.wrapUp("Customer asked to be called back");
        assertThat(agent.customerName()).hasText(customer.name());

        agent.customer().getByRole(AriaRole.DEFINITION)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Call " + customer.phone())).click();

        Locator outbound = agent.call(Pattern.compile("^Outbound call " + customer.phone() + "$"));
        assertThat(outbound).isVisible();
        assertThat(agent.customerName()).hasText(customer.name()); // calling them back keeps their record shown
        agent.screenshot("01-calling-the-customer-back");
        assertThat(outbound).containsText("Established"); // the lab's customers answer after 2 s
        agent.screenshot("02-customer-answered");
        agent.button("Hang up").click();
        assertThat(outbound).not().isVisible();

        assertThat(centre.interactionsOf("1001", rows -> rows.stream().anyMatch(r -> r.callType() == CallType.Outbound && r.endedAt() != null)))
                .filteredOn(r -> r.callType() == CallType.Outbound).singleElement().satisfies(row -> {
                    assertThat(row.dnis()).isEqualTo(customer.phone());
                    assertThat(row.answeredAt()).isNotNull();
                });
    }

    @Test
    void an_element_marked_data_opencti_dial_on_the_host_page_places_the_call() {
        AgentDesk agent = centre.logIn("1002"); // NotReady after login: an agent may still dial out
        // The host application (a CRM page around the panel) shows a number the way people write it.
        agent.page.evaluate("() => { const b = document.createElement('button'); b.type = 'button';"
                + " b.dataset.openctiDial = '+33 6 12 34 50 01'; b.textContent = 'Call the head office';"
                + " document.querySelector('main').append(b); }");

        agent.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Call the head office")).click();

        Locator outbound = agent.call(Pattern.compile("^Outbound call \\+33612345001$"));
        assertThat(outbound).isVisible();
        assertThat(agent.customerName()).hasText("Unknown caller +33612345001");
        assertThat(outbound).containsText("Established");
        agent.screenshot("03-host-page-dial");
        agent.button("Hang up").click();
        assertThat(outbound).not().isVisible();
        assertThat(centre.interactionsOf("1002", rows -> rows.stream().anyMatch(r -> r.endedAt() != null)))
                .singleElement().satisfies(row -> {
                    assertThat(row.callType()).isEqualTo(CallType.Outbound);
                    assertThat(row.dnis()).isEqualTo("+33612345001");
                });
    }
}
