package org.opencti.server.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.Customer;
import org.opencti.server.gateway.DesktopClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen pop through the real gateway: a desktop on a WebSocket sees the customer. */
class ServerScreenPopTest {
    private static final AgentId AGENT = new AgentId("1001");

    @TempDir Path dataDir;

    @Test
    void a_caller_in_the_customers_table_pops_on_the_offering_whatever_form_the_number_takes() {
        try (ServerWithStore platform = new ServerWithStore(dataDir); DesktopClient desk = platform.desktop()) {
            platform.login(desk, "1001");

            platform.connector.ring(AGENT, new CallId("c-7"), "0612345002", Map.of());

            JsonNode offering = desk.event("CallStateEvent", "Offering");
            assertThat(offering.at("/customer/id").asText()).isEqualTo(ServerWithStore.BOB.id());
            assertThat(offering.at("/customer/name").asText()).isEqualTo("Bob Durand");
        }
    }

    @Test
    void the_account_id_in_call_data_finds_the_customer_when_the_number_is_unknown() {
        try (ServerWithStore platform = new ServerWithStore(dataDir); DesktopClient desk = platform.desktop()) {
            platform.login(desk, "1001");

            platform.connector.ring(AGENT, new CallId("c-7"), "0699999999", Map.of("accountId", "A-1001"));

            assertThat(desk.event("CallStateEvent", "Offering").at("/customer/id").asText()).isEqualTo(ServerWithStore.ALICE.id());
        }
    }

    @Test
    void a_lookup_slower_than_the_budget_sends_the_offering_then_the_customer_as_call_info() {
        CompletableFuture<Optional<Customer>> slow = new CompletableFuture<>();
        try (ServerWithStore platform = new ServerWithStore(dataDir, setup -> setup.withCustomerLookup(caller -> slow));
             DesktopClient desk = platform.desktop()) {
            platform.login(desk, "1001");
            platform.connector.ring(AGENT, new CallId("c-7"));

            platform.time.advance(Duration.ofMillis(150));
            JsonNode offering = desk.event("CallStateEvent", "Offering");
            slow.complete(Optional.of(ServerWithStore.ALICE));
            JsonNode info = desk.event("CallInfoEvent", "CallInfo");

            assertThat(offering.has("customer")).isFalse();
            assertThat(info.get("seq").asLong()).isEqualTo(offering.get("seq").asLong() + 1);
            assertThat(info.at("/customer/name").asText()).isEqualTo("Alice Martin");
            assertThat(info.at("/callData/accountId").asText()).as("call data kept").isEqualTo("A-1001");
        }
    }

    @Test
    void a_failing_lookup_is_counted_and_the_call_still_rings() {
        try (ServerWithStore platform = new ServerWithStore(dataDir, setup -> setup.withCustomerLookup(
                caller -> CompletableFuture.failedFuture(new IllegalStateException("CRM down"))));
             DesktopClient desk = platform.desktop()) {
            platform.login(desk, "1001");

            platform.connector.ring(AGENT, new CallId("c-7"));

            assertThat(desk.event("CallStateEvent", "Offering").has("customer")).isFalse();
            assertThat(platform.get("/metrics", null).body()).contains("opencti_screenpop_lookups_total{outcome=\"failure\"} 1.0");
        }
    }
}
