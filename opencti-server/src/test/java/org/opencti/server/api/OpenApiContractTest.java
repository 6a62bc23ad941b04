package org.opencti.server.api;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.server.ServerSetup;
import org.opencti.server.gateway.DesktopClient;
import org.opencti.server.gateway.GatewaySettings;
import org.opencti.server.platform.ServerWithStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.server.platform.ServerWithStore.json;

/** Every route against {@code /api/v1/openapi.json}: documented routes answer, answers match their schemas. */
class OpenApiContractTest {
    private static final Set<String> OPEN_ROUTES = Set.of(RestApi.OPENAPI_PATH, "/health", "/metrics");

    @TempDir Path dataDir;
    private final OpenApiDocument document = new OpenApiDocument();
    private final List<DesktopClient> desks = new ArrayList<>();
    private ServerWithStore platform;
    private String supervisor;
    private String interactionId;

    @BeforeEach
    void aCallAndASupervisor() {
        platform = new ServerWithStore(dataDir);
        DesktopClient agent = desk();
        platform.login(agent, "1001");
        platform.connector.ring(new AgentId("1001"), new CallId("c-1"));
        agent.event("CallStateEvent", "Offering");
        supervisor = platform.login(desk(), "9001");
        platform.flushed();
        interactionId = json(platform.get("/api/v1/interactions", supervisor)).at("/items/0/id").asText();
    }

    @AfterEach
    void stop() {
        desks.forEach(DesktopClient::close);
        platform.close();
    }

    private DesktopClient desk() {
        DesktopClient desk = platform.desktop();
        desks.add(desk);
        return desk;
    }

    @Test
    void the_document_lists_exactly_the_routes_the_server_registers() {
        Set<String> registered = new TreeSet<>(OPEN_ROUTES);
        registered.addAll(new RestApi(null, null, null, null, null).paths());

        assertThat(document.paths()).isEqualTo(registered);
        assertThat(document.root.get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void every_documented_route_answers_200_with_a_body_its_schema_accepts() {
        for (String path : document.getPaths()) {
            if (OPEN_ROUTES.contains(path)) continue;
            HttpResponse<String> response = platform.get(concrete(path), supervisor);

            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            assertThat(document.violations(path, 200, response.body())).as("GET %s: %s", path, response.body()).isEmpty();
        }
    }

    @Test
    void the_schema_check_catches_an_undocumented_field_and_a_missing_one() {
        assertThat(document.violations("/api/v1/codes/reasons", 200, "{\"items\":[{\"id\":\"x\",\"label\":\"y\",\"extra\":1}]}"))
                .isNotEmpty();
        assertThat(document.violations("/api/v1/customers/{id}", 200, "{\"id\":\"cust-1\",\"name\":\"Alice\"}")).isNotEmpty();
    }

    @Test
    void every_protected_route_answers_401_without_a_token_in_the_documented_error_shape() {
        for (String path : document.getPaths()) {
            if (OPEN_ROUTES.contains(path)) continue;
            HttpResponse<String> response = platform.get(concrete(path), null);

            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(401);
            assertThat(document.violations(path, 401, response.body())).as("GET %s", path).isEmpty();
            assertThat(document.violations(path, 400, platform.get(concrete(path) + "?bogus=1", supervisor).body())).isEmpty();
        }
    }

    @Test
    void forbidden_and_not_found_answers_match_the_error_schema() {
        String forbidden = platform.get("/api/v1/interactions?agentId=2001", supervisor).body();
        String notFound = platform.get("/api/v1/customers/nobody", supervisor).body();

        assertThat(document.violations("/api/v1/interactions", 403, forbidden)).isEmpty();
        assertThat(document.violations("/api/v1/customers/{id}", 404, notFound)).isEmpty();
    }

    @Test
    void the_document_health_and_metrics_need_no_token() {
        for (String path : OPEN_ROUTES)
            assertThat(platform.get(path, null).statusCode()).as("GET %s", path).isEqualTo(200);
    }

    @Test
    void a_token_past_its_lifetime_is_401_expired_on_virtual_time(@TempDir Path otherDataDir) {
        GatewaySettings shortTokens = new GatewaySettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10),
                "DesktopLost", Duration.ofSeconds(60), 1024, Duration.ofSeconds(20));
        try (ServerWithStore shortLived = new ServerWithStore(otherDataDir, setup -> withGateway(setup, shortTokens));
             DesktopClient desk = shortLived.desktop()) {
            String token = shortLived.login(desk, "1001");
            assertThat(shortLived.get("/api/v1/agents", token).statusCode()).isEqualTo(200);

            shortLived.time.advance(Duration.ofSeconds(21));
            HttpResponse<String> expired = shortLived.get("/api/v1/agents", token);

            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(json(expired).at("/details/reason").asText()).isEqualTo("expired");
            assertThat(json(expired).get("message").asText()).startsWith("The session token expired at ");
        }
    }

    private String concrete(String path) {
        return path.replace("/interactions/{id}", "/interactions/" + interactionId).replace("/customers/{id}", "/customers/cust-1");
    }

    private static ServerSetup withGateway(ServerSetup s, GatewaySettings gateway) {
        return new ServerSetup(s.connector(), s.users(), s.dataDir(), s.scheduler(), gateway, s.recording(), s.allowedOrigins(),
                s.store(), s.customerLookup(), s.screenPopBudget(), s.meterRegistry());
    }
}
