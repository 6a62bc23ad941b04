package org.opencti.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.DequeueReason;
import org.opencti.model.request.AgentNotReady;
import org.opencti.model.request.AgentReady;
import org.opencti.model.request.Logout;
import org.opencti.server.gateway.DesktopClient;
import org.opencti.server.gateway.FakeConnector;
import org.opencti.server.platform.ServerWithStore;
import org.opencti.store.Page;
import org.opencti.store.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.server.platform.ServerWithStore.json;

/**
 * Supervisor 9001 leads team north (agents 1001, 1002); agent 2001 is in team south. The supervisor's socket carries
 * its team's agent and call events and every queue's events; REST lets it set a team member's state, nothing more.
 */
class SupervisorTest {
    private static final Instant BEGINNING = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir Path dataDir;
    private final OpenApiDocument document = new OpenApiDocument();
    private final List<DesktopClient> desks = new ArrayList<>();
    private ServerWithStore platform;
    private DesktopClient supervisorDesk;
    private DesktopClient north;
    private DesktopClient south;
    private String supervisor;
    private String agent1001;

    @BeforeEach
    void loggedIn() {
        platform = new ServerWithStore(dataDir);
        supervisorDesk = desk();
        supervisor = platform.login(supervisorDesk, "9001");
        supervisorDesk.event("SnapshotEvent", null);
        north = desk();
        agent1001 = platform.login(north, "1001");
        south = desk();
        platform.login(south, "2001");
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

    private HttpResponse<String> setState(String agent, String body, String token) {
        return platform.post("/api/v1/agents/" + agent + "/state", body, token);
    }

    private List<AuditEntry> audit(String agent) {
        platform.flushed();
        return platform.store.audit().entries(new AgentId(agent), BEGINNING, END, Page.first(50)).stream()
                .filter(e -> e.action().equals("setAgentState")).toList();
    }

    @Test
    void the_supervisor_sees_its_teams_agent_and_call_events_in_its_own_gap_free_numbering_and_not_another_teams() {
        platform.ok(south, "{\"type\":\"agentReady\"}");
        platform.ok(north, "{\"type\":\"agentReady\"}");
        platform.connector.ring(new AgentId("1001"), new CallId("c-7"));

        List<JsonNode> seen = new ArrayList<>();
        supervisorDesk.await(f -> {
            if (f.path("op").asText().equals("event")) seen.add(f.get("event"));
            return f.at("/event/type").asText().equals("CallStateEvent");
        });

        assertThat(seen).extracting(e -> e.get("type").asText() + " " + e.get("name").asText() + " " + e.get("agentId").asText())
                .containsExactly("AgentStateEvent NotReady 1001", "AgentStateEvent Ready 1001", "CallStateEvent Offering 1001");
        assertThat(seen).extracting(e -> e.get("seq").asLong()).containsExactly(2L, 3L, 4L);
        assertThat(seen.getLast().get("ani").asText()).isEqualTo("0612345001");
    }

    @Test
    void queue_events_reach_every_supervisor_addressed_to_it_and_rest_counts_them_into_live_statistics() {
        platform.connector.queue("sales", new CallId("c-1"), 1, null);
        platform.time.advance(Duration.ofSeconds(12));
        platform.connector.queue("sales", new CallId("c-1"), 0, DequeueReason.Distributed);
        platform.connector.ring(new AgentId("1001"), new CallId("c-1"));
        platform.connector.established(new AgentId("1001"), new CallId("c-1"));
        platform.connector.queue("sales", new CallId("c-2"), 1, null);
        platform.time.advance(Duration.ofSeconds(30));

        JsonNode queued = supervisorDesk.event("QueueEvent", "CallQueued");
        JsonNode sales = json(platform.get("/api/v1/queues", supervisor)).at("/items/0");

        assertThat(queued.get("agentId").asText()).isEqualTo("9001");
        assertThat(queued.get("queue").asText()).isEqualTo("sales");
        assertThat(queued.get("device").asText()).isEqualTo("8001");
        assertThat(supervisorDesk.event("QueueEvent", "CallDequeued").get("reason").asText()).isEqualTo("Distributed");
        assertThat(sales.get("queue").asText()).isEqualTo("sales");
        assertThat(sales.get("waiting").asInt()).isEqualTo(1);
        assertThat(sales.get("longestWaitSeconds").asLong()).isEqualTo(30);
        assertThat(sales.get("offered").asLong()).isEqualTo(2);
        assertThat(sales.get("answered").asLong()).isEqualTo(1);
        assertThat(sales.get("serviceLevel").asDouble()).isEqualTo(1.0);
        assertThat(document.violations("/api/v1/queues", 200, platform.get("/api/v1/queues", agent1001).body())).isEmpty();
    }

    @Test
    void a_supervisor_sets_a_team_member_not_ready_with_a_reason_and_the_change_arrives_as_events_and_is_audited() {
        platform.ok(north, "{\"type\":\"agentReady\"}");
        north.event("AgentStateEvent", "Ready");

        HttpResponse<String> response = setState("1001", "{\"state\":\"NotReady\",\"reasonCode\":\"break\"}", supervisor);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(document.violations("post", "/api/v1/agents/{agentId}/state", 202, response.body())).isEmpty();
        north.await(f -> f.at("/event/name").asText().equals("NotReady") && f.at("/event/reasonCode").asText().equals("break"));
        assertThat(platform.connector.received).extracting(FakeConnector.Received::request).contains(new AgentNotReady("break", null));
        AuditEntry entry = audit("1001").getFirst();
        assertThat(entry.actor()).isEqualTo("9001");
        assertThat(entry.ok()).isTrue();
        assertThat(entry.requestJson()).isEqualTo("{\"type\":\"setAgentState\",\"agentId\":\"1001\",\"state\":\"NotReady\",\"reasonCode\":\"break\"}");
    }

    @Test
    void a_supervisor_logs_a_team_member_out_and_its_session_ends() {
        HttpResponse<String> response = setState("1001", "{\"state\":\"LoggedOut\"}", supervisor);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        north.event("AgentStateEvent", "LoggedOut");
        assertThat(platform.connector.count(Logout.class)).isEqualTo(1);
        assertThat(platform.get("/api/v1/agents", agent1001).statusCode()).isEqualTo(401);
    }

    @Test
    void another_teams_agent_a_state_a_supervisor_may_not_set_and_an_agent_acting_as_supervisor_are_403_and_audited() {
        HttpResponse<String> otherTeam = setState("2001", "{\"state\":\"Ready\"}", supervisor);
        HttpResponse<String> busy = setState("1001", "{\"state\":\"Busy\"}", supervisor);
        HttpResponse<String> byAnAgent = setState("1002", "{\"state\":\"Ready\"}", agent1001);

        assertThat(List.of(otherTeam, busy, byAnAgent)).extracting(HttpResponse::statusCode).containsOnly(403);
        assertThat(List.of(otherTeam, busy, byAnAgent)).extracting(r -> json(r).get("code").asText()).containsOnly("OPENCTI_NOT_AUTHORIZED");
        assertThat(json(otherTeam).get("message").asText()).isEqualTo("Agent 2001 is not in team north of supervisor 9001;"
                + " a supervisor may set the state of its own team's agents only.");
        assertThat(json(busy).get("message").asText()).isEqualTo("A supervisor may not set agent 1001 Busy; it may set"
                + " Ready, NotReady (with reasonCode) or LoggedOut.");
        assertThat(document.violations("post", "/api/v1/agents/{agentId}/state", 403, otherTeam.body())).isEmpty();
        assertThat(platform.connector.count(AgentReady.class)).isZero();
        assertThat(audit("2001")).extracting(e -> e.actor() + " " + e.resultCode()).containsExactly("9001 OPENCTI_NOT_AUTHORIZED");
        assertThat(audit("1001")).extracting(e -> e.actor() + " " + e.resultCode()).containsExactly("9001 OPENCTI_NOT_AUTHORIZED");
        assertThat(audit("1002")).extracting(e -> e.actor() + " " + e.resultCode()).containsExactly("1001 OPENCTI_NOT_AUTHORIZED");
    }

    @Test
    void an_unknown_agent_id_is_404_naming_the_resource_and_the_id_and_is_audited() {
        HttpResponse<String> unknown = setState("4242", "{\"state\":\"Ready\"}", supervisor);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asText()).isEqualTo("OPENCTI_NOT_FOUND");
        assertThat(json(unknown).get("message").asText())
                .isEqualTo("No agent with id '4242'; GET /api/v1/agents lists the logged-in agents of your team.");
        assertThat(json(unknown).at("/details/resource").asText()).isEqualTo("agent");
        assertThat(json(unknown).at("/details/id").asText()).isEqualTo("4242");
        assertThat(document.violations("post", "/api/v1/agents/{agentId}/state", 404, unknown.body())).isEmpty();
        assertThat(audit("4242")).extracting(e -> e.actor() + " " + e.resultCode()).containsExactly("9001 OPENCTI_NOT_FOUND");
    }

    @Test
    void a_bad_body_an_unknown_state_a_missing_reason_and_a_logged_out_member_are_400_with_what_is_accepted() {
        assertThat(json(setState("1001", "{\"state\":\"Redy\"}", supervisor)).get("message").asText())
                .isEqualTo("$.state: unknown agent state 'Redy'; a supervisor may set Ready, NotReady (with reasonCode) or LoggedOut.");
        assertThat(json(setState("1001", "{\"state\":\"NotReady\"}", supervisor)).get("message").asText())
                .startsWith("$.reasonCode: NotReady needs a reason code");
        assertThat(json(setState("1001", "{\"state\":\"Ready\",\"mood\":\"happy\"}", supervisor)).get("message").asText())
                .isEqualTo("$.mood: unknown property; expected state and, with NotReady, reasonCode.");
        HttpResponse<String> loggedOut = setState("1002", "{\"state\":\"Ready\"}", supervisor);
        assertThat(loggedOut.statusCode()).isEqualTo(400);
        assertThat(json(loggedOut).get("code").asText()).isEqualTo("OPENCTI_AGENT_NOT_LOGGED_IN");
        assertThat(setState("1001", "{\"state\":", supervisor).statusCode()).isEqualTo(400);
        assertThat(setState("1001", "{\"state\":\"Ready\"}", null).statusCode()).isEqualTo(401);
        assertThat(platform.connector.count(AgentReady.class) + platform.connector.count(AgentNotReady.class)).isZero();
    }
}
