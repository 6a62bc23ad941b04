package org.opencti.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.server.gateway.DesktopClient;
import org.opencti.server.platform.ServerWithStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.server.platform.ServerWithStore.json;

/**
 * The REST API on a real socket, after scripted calls: agent 1001 (team north) and agent 2001 (team south) each
 * took a call from Alice; supervisor 9001 leads north.
 */
class RestApiTest {
    @TempDir Path dataDir;
    private ServerWithStore platform;
    private final List<DesktopClient> desks = new ArrayList<>();
    private String agent1001;
    private String agent2001;
    private String supervisor;

    @BeforeEach
    void scriptedCalls() {
        platform = new ServerWithStore(dataDir);
        agent1001 = callFromAlice("1001", "c-1");
        platform.time.advance(Duration.ofSeconds(5));
        agent2001 = callFromAlice("2001", "c-2");
        supervisor = platform.login(desk(), "9001");
        platform.flushed();
    }

    private String callFromAlice(String agent, String callId) {
        DesktopClient desk = desk();
        String token = platform.login(desk, agent);
        platform.time.advance(Duration.ofSeconds(1));
        platform.ok(desk, "{\"type\":\"agentReady\"}");
        platform.connector.ring(new AgentId(agent), new CallId(callId));
        desk.event("CallStateEvent", "Offering");
        platform.ok(desk, "{\"type\":\"answerCall\",\"callId\":\"" + callId + "\"}");
        platform.connector.hangUp(new AgentId(agent), new CallId(callId));
        desk.event("CallStateEvent", "Disconnected");
        return token;
    }

    private DesktopClient desk() {
        DesktopClient desk = platform.desktop();
        desks.add(desk);
        return desk;
    }

    @AfterEach
    void stop() {
        desks.forEach(DesktopClient::close);
        platform.close();
    }

    @Test
    void an_agent_sees_its_own_interactions_newest_first_with_the_popped_customer() {
        JsonNode page = json(platform.get("/api/v1/interactions", agent1001));

        assertThat(page.get("items")).hasSize(1);
        JsonNode call = page.at("/items/0");
        assertThat(call.get("agentId").asText()).isEqualTo("1001");
        assertThat(call.get("callId").asText()).isEqualTo("c-1");
        assertThat(call.get("customerId").asText()).isEqualTo("cust-1");
        assertThat(call.get("cause").asText()).isEqualTo("RemoteHangup");
        assertThat(call.get("offeredAt").asText()).isEqualTo("2026-11-28T10:00:01.000Z");
        assertThat(page.get("limit").asInt()).isEqualTo(50);
    }

    @Test
    void one_interaction_by_id_and_an_unknown_id_is_404() {
        String id = json(platform.get("/api/v1/interactions", agent1001)).at("/items/0/id").asText();

        HttpResponse<String> found = platform.get("/api/v1/interactions/" + id, agent1001);
        HttpResponse<String> unknown = platform.get("/api/v1/interactions/nope", agent1001);

        assertThat(json(found).get("callId").asText()).isEqualTo("c-1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asText()).isEqualTo("OPENCTI_NOT_FOUND");
        assertThat(json(unknown).get("message").asText())
                .isEqualTo("No interaction with id 'nope'; list interactions with GET /api/v1/interactions to find their ids.");
    }

    @Test
    void no_token_a_forged_one_and_a_malformed_header_are_401_in_the_one_error_shape() {
        HttpResponse<String> none = platform.get("/api/v1/interactions", null);
        HttpResponse<String> forged = platform.get("/api/v1/interactions", "eyJhbGciOiJIUzI1NiJ9.e30.forged");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        JsonNode error = json(none);
        assertThat(error.get("code").asText()).isEqualTo("OPENCTI_NOT_AUTHORIZED");
        assertThat(error.get("message").asText()).startsWith("A session token is required: send 'Authorization: Bearer <token>'");
        assertThat(error.at("/details/reason").asText()).isEqualTo("missing");
        assertThat(error.get("requestId").asText()).isEqualTo(none.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged).at("/details/reason").asText()).isEqualTo("invalid");
    }

    @Test
    void the_token_of_a_session_that_ended_is_401() {
        DesktopClient desk = desk();
        String token = platform.login(desk, "1002");
        platform.ok(desk, "{\"type\":\"logout\"}");
        desk.event("AgentStateEvent", "LoggedOut");

        HttpResponse<String> after = platform.get("/api/v1/agents", token);

        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json(after).get("message").asText()).isEqualTo("The session of 1002 has ended; log in again to get a new token.");
    }

    @Test
    void an_agent_asking_for_another_agents_data_is_403() {
        String othersInteraction = json(platform.get("/api/v1/interactions", agent2001)).at("/items/0/id").asText();

        HttpResponse<String> byFilter = platform.get("/api/v1/interactions?agentId=1002", agent1001);
        HttpResponse<String> byId = platform.get("/api/v1/interactions/" + othersInteraction, agent1001);
        HttpResponse<String> states = platform.get("/api/v1/agent-states?agentId=2001", agent1001);

        assertThat(List.of(byFilter.statusCode(), byId.statusCode(), states.statusCode())).containsOnly(403);
        assertThat(json(byFilter).get("message").asText())
                .isEqualTo("Agent 1002's data is not visible to 1001; an agent sees only its own data (1001).");
        assertThat(json(byId).at("/details/agentId").asText()).isEqualTo("2001");
    }

    @Test
    void a_supervisor_sees_its_team_and_not_another_team() {
        JsonNode interactions = json(platform.get("/api/v1/interactions", supervisor));
        JsonNode agents = json(platform.get("/api/v1/agents", supervisor));
        HttpResponse<String> otherTeam = platform.get("/api/v1/interactions?agentId=2001", supervisor);

        assertThat(interactions.get("items")).extracting(i -> i.get("agentId").asText()).containsExactly("1001");
        assertThat(agents.get("items")).extracting(a -> a.get("agentId").asText()).containsExactly("1001", "9001");
        assertThat(otherTeam.statusCode()).isEqualTo(403);
        assertThat(json(otherTeam).get("message").asText()).isEqualTo("Agent 2001's data is not visible to 9001; a supervisor"
                + " sees the agents of team north: [1001, 1002, 9001].");
    }

    @Test
    void the_agent_state_log_of_a_supervisors_team_is_merged_newest_first_and_paged() {
        JsonNode all = json(platform.get("/api/v1/agent-states", supervisor));
        JsonNode second = json(platform.get("/api/v1/agent-states?limit=1&offset=1", supervisor));

        assertThat(all.get("items")).extracting(c -> c.get("state").asText() + "/" + c.get("agentId").asText())
                .containsExactly("Ready/1001", "NotReady/1001");
        assertThat(second.get("items")).extracting(c -> c.get("state").asText()).containsExactly("NotReady");
    }

    @Test
    void live_agents_show_state_since_reason_and_current_calls() {
        DesktopClient desk = desk();
        String token = platform.login(desk, "1002");
        platform.connector.ring(new AgentId("1002"), new CallId("c-9"));
        desk.event("CallStateEvent", "Offering");

        JsonNode me = json(platform.get("/api/v1/agents", token)).at("/items/0");

        assertThat(me.get("agentId").asText()).isEqualTo("1002");
        assertThat(me.get("device").asText()).isEqualTo("5002");
        assertThat(me.get("state").asText()).isEqualTo("NotReady");
        assertThat(me.get("reasonCode").asText()).isEqualTo("login");
        assertThat(me.get("since").asText()).isEqualTo("2026-11-28T10:00:07.000Z");
        assertThat(me.at("/calls/0/callId").asText()).isEqualTo("c-9");
        assertThat(me.at("/calls/0/state").asText()).isEqualTo("Offering");
        assertThat(me.at("/calls/0/customer/name").asText()).isEqualTo("Alice Martin");
    }

    @Test
    void customers_by_phone_in_any_form_by_account_and_one_with_the_viewers_recent_interactions() {
        JsonNode byPhone = json(platform.get("/api/v1/customers?phone=%2B33612345001", agent1001));
        JsonNode byAccount = json(platform.get("/api/v1/customers?accountId=A-1002", agent1001));
        JsonNode alice = json(platform.get("/api/v1/customers/cust-1", agent1001));
        HttpResponse<String> unknown = platform.get("/api/v1/customers/cust-404", agent1001);

        assertThat(byPhone.get("items")).extracting(c -> c.get("id").asText()).containsExactly("cust-1");
        assertThat(byAccount.get("items")).extracting(c -> c.get("name").asText()).containsExactly("Bob Durand");
        assertThat(alice.get("recentInteractions")).as("2001 also spoke to Alice, but that is not 1001's to see")
                .extracting(i -> i.get("agentId").asText()).containsExactly("1001");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asText()).isEqualTo("OPENCTI_NOT_FOUND");
    }

    @Test
    void reason_and_wrap_up_codes_in_configured_order() {
        assertThat(json(platform.get("/api/v1/codes/reasons", agent1001)).get("items"))
                .extracting(c -> c.get("id").asText()).containsExactly("break", "lunch");
        assertThat(json(platform.get("/api/v1/codes/wrap-up", agent1001)).get("items"))
                .extracting(c -> c.get("label").asText()).containsExactly("Sale", "No sale");
    }

    @Test
    void bad_parameters_are_400_naming_the_parameter_its_value_and_what_is_accepted() {
        assertThat(badRequest("/api/v1/interactions?limit=5000"))
                .isEqualTo("Query parameter limit: '5000' is not accepted; expected an integer from 1 to 1000.");
        assertThat(badRequest("/api/v1/interactions?offset=-1"))
                .isEqualTo("Query parameter offset: '-1' is not accepted; expected an integer from 0.");
        assertThat(badRequest("/api/v1/interactions?from=yesterday"))
                .isEqualTo("Query parameter from: 'yesterday' is not accepted; expected an ISO-8601 time with a zone, e.g. 2026-11-28T10:15:30Z.");
        assertThat(badRequest("/api/v1/agent-states?from=2026-11-28T11:00:00Z&to=2026-11-28T10:00:00Z"))
                .isEqualTo("Query parameter from: '2026-11-28T11:00:00Z' is not accepted; expected a time before to (2026-11-28T10:00:00Z).");
        assertThat(badRequest("/api/v1/interactions?agent=1001"))
                .isEqualTo("Query parameter agent: '1001' is not accepted; expected one of the parameters [agentId, customerId,"
                        + " from, limit, offset, phone, queue, to].");
        assertThat(badRequest("/api/v1/customers?phone=abc"))
                .isEqualTo("Query parameter phone: 'abc' is not accepted; expected a phone number with digits, in any form"
                        + " (0612345678, +33 6 12 34 56 78).");
        assertThat(json(platform.get("/api/v1/agent-states?limit=1000&offset=1", supervisor)).get("message").asText())
                .startsWith("Query parameter offset: '1' is not accepted with limit 1000; expected offset + limit of at most 1000");
        JsonNode details = json(platform.get("/api/v1/interactions?limit=x", agent1001)).get("details");
        assertThat(details.get("parameter").asText()).isEqualTo("limit");
        assertThat(details.get("value").asText()).isEqualTo("x");
        assertThat(details.get("accepted").asText()).isEqualTo("an integer from 1 to 1000");
    }

    @Test
    void an_unknown_api_route_is_404_in_the_one_error_shape() {
        HttpResponse<String> response = platform.get("/api/v1/queues-of-doom", agent1001);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("OPENCTI_NOT_FOUND");
        assertThat(json(response).get("message").asText())
                .isEqualTo("No route GET /api/v1/queues-of-doom; the routes are listed in /api/v1/openapi.json.");
    }

    private String badRequest(String pathAndQuery) {
        HttpResponse<String> response = platform.get(pathAndQuery, agent1001);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("OPENCTI_BAD_REQUEST");
        return json(response).get("message").asText();
    }
}
