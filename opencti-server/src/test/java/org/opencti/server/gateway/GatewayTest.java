package org.opencti.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.connector.spi.time.ManualScheduler;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.request.AgentNotReady;
import org.opencti.model.request.AgentReady;
import org.opencti.model.request.AnswerCall;
import org.opencti.model.request.HoldCall;
import org.opencti.model.request.Login;
import org.opencti.server.OpenCtiServer;
import org.opencti.server.ServerSetup;
import org.opencti.server.session.PasswordHash;
import org.opencti.server.session.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayTest {
    @TempDir Path dataDir;
    private final FakeConnector connector = new FakeConnector();
    private final ManualScheduler time = new ManualScheduler(FakeConnector.start());
    private OpenCtiServer server;

    @BeforeEach
    void start() {
        PasswordHash demo = PasswordHash.of("demo");
        List<User> users = List.of(new User(new AgentId("1001"), demo, User.Role.agent, "north", "5001"),
                new User(new AgentId("1002"), demo, User.Role.agent, "north", "5002"),
                new User(new AgentId("2001"), demo, User.Role.supervisor, "north", null));
        server = OpenCtiServer.create(new ServerSetup(connector, users, dataDir, time, null, null, List.of())).start(0);
    }

    @AfterEach
    void stop() { server.close(); }

    private DesktopClient desktop() { return new DesktopClient(server.port()); }

    private String login(DesktopClient desk, String agent) {
        JsonNode result = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"" + agent + "\",\"password\":\"demo\"}"));
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        return result.at("/value/token").asText();
    }

    @Test
    void login_returns_a_token_then_the_agent_is_not_ready_for_login_with_a_snapshot() {
        try (DesktopClient desk = desktop()) {
            JsonNode result = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"1001\",\"password\":\"demo\"}"));

            assertThat(result.at("/value/token").asText()).isNotBlank();
            assertThat(result.at("/value/expiresAt").asText()).isEqualTo("2026-11-28T22:00:00Z");
            JsonNode state = desk.event("AgentStateEvent", "NotReady");
            assertThat(state.get("reasonCode").asText()).isEqualTo("login");
            assertThat(state.get("seq").asLong()).isEqualTo(1);
            JsonNode snapshot = desk.event("SnapshotEvent", "Snapshot");
            assertThat(snapshot.get("seq").asLong()).isEqualTo(2);
            assertThat(snapshot.at("/agent/state").asText()).isEqualTo("NotReady");
            assertThat(connector.received).extracting(FakeConnector.Received::request)
                    .containsExactly(new Login(new AgentId("1001"), "demo", "5001", null));
        }
    }

    @Test
    void a_supervisor_logs_in_on_the_platform_only_without_an_extension() {
        try (DesktopClient desk = desktop()) {
            JsonNode result = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"2001\",\"password\":\"demo\"}"));

            assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
            assertThat(desk.event("SnapshotEvent", null).get("device").asText()).isEqualTo("supervisor-2001");
            assertThat(connector.received).isEmpty();
        }
    }

    @Test
    void a_wrong_password_is_not_authorized_and_nothing_reaches_the_connector() {
        try (DesktopClient desk = desktop()) {
            JsonNode result = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"1001\",\"password\":\"guess\"}"));

            assertThat(result.path("ok").asBoolean()).isFalse();
            assertThat(result.at("/error/code").asText()).isEqualTo("OPENCTI_NOT_AUTHORIZED");
            assertThat(result.at("/error/requestId").asText()).isEqualTo("r-1");
            assertThat(connector.received).isEmpty();
        }
    }

    @Test
    void a_second_login_of_a_logged_in_agent_is_refused_and_the_first_session_keeps_working() {
        try (DesktopClient first = desktop(); DesktopClient second = desktop()) {
            login(first, "1001");

            JsonNode refused = second.result(second.request("{\"type\":\"login\",\"agentId\":\"1001\",\"password\":\"demo\"}"));

            assertThat(refused.at("/error/code").asText()).isEqualTo("OPENCTI_AGENT_LOGGED_IN");
            assertThat(refused.at("/error/message").asText()).contains("already logged in at device 5001");
            assertThat(first.result(first.request("{\"type\":\"agentReady\"}")).path("ok").asBoolean()).isTrue();
            assertThat(connector.count(Login.class)).isEqualTo(1);
        }
    }

    @Test
    void hold_on_a_ringing_call_is_rejected_by_the_state_table_and_never_reaches_the_connector() {
        try (DesktopClient desk = desktop()) {
            login(desk, "1001");
            connector.ring(new AgentId("1001"), new CallId("c-7"));
            desk.event("CallStateEvent", "Offering");

            JsonNode result = desk.result(desk.request("{\"type\":\"holdCall\",\"callId\":\"c-7\"}"));

            assertThat(result.at("/error/code").asText()).isEqualTo("OPENCTI_CF_INVALID_OBJECT_STATE");
            assertThat(result.at("/error/message").asText()).startsWith("Cannot holdCall call c-7: it is Offering; it allows [");
            assertThat(result.at("/error/details/state").asText()).isEqualTo("Offering");
            assertThat(connector.count(HoldCall.class)).isZero();
        }
    }

    @Test
    void an_agent_acting_on_another_agents_call_is_not_authorized_and_an_unknown_call_is_unknown() {
        try (DesktopClient mine = desktop(); DesktopClient theirs = desktop()) {
            login(mine, "1001");
            login(theirs, "1002");
            connector.ring(new AgentId("1002"), new CallId("c-9"));
            theirs.event("CallStateEvent", "Offering");

            JsonNode stealing = mine.result(mine.request("{\"type\":\"answerCall\",\"callId\":\"c-9\"}"));
            JsonNode unknown = mine.result(mine.request("{\"type\":\"answerCall\",\"callId\":\"c-404\"}"));

            assertThat(stealing.at("/error/code").asText()).isEqualTo("OPENCTI_NOT_AUTHORIZED");
            assertThat(unknown.at("/error/code").asText()).isEqualTo("OPENCTI_UNKNOWN_CALL");
            assertThat(unknown.at("/error/message").asText()).isEqualTo("No call c-404 at device 5001; the calls there are [].");
            assertThat(connector.count(AnswerCall.class)).isZero();
        }
    }

    @Test
    void a_resent_request_id_is_answered_from_memory_and_not_executed_twice() {
        try (DesktopClient desk = desktop()) {
            login(desk, "1001");
            connector.ring(new AgentId("1001"), new CallId("c-7"));
            desk.event("CallStateEvent", "Offering");
            String frame = "{\"op\":\"request\",\"id\":\"answer-1\",\"request\":{\"type\":\"answerCall\",\"callId\":\"c-7\"}}";

            desk.send(frame);
            JsonNode first = desk.result("answer-1");
            desk.send(frame);
            JsonNode second = desk.result("answer-1");

            assertThat(second).isEqualTo(first);
            assertThat(connector.count(AnswerCall.class)).isEqualTo(1);
        }
    }

    @Test
    void asking_for_the_current_state_is_acknowledged_without_reaching_the_connector() {
        try (DesktopClient desk = desktop()) {
            login(desk, "1001");
            desk.result(desk.request("{\"type\":\"agentReady\"}"));
            desk.event("AgentStateEvent", "Ready");

            JsonNode again = desk.result(desk.request("{\"type\":\"agentReady\"}"));

            assertThat(again.path("ok").asBoolean()).isTrue();
            assertThat(connector.count(AgentReady.class)).isEqualTo(1);
        }
    }

    @Test
    void a_resume_with_last_seq_replays_exactly_the_missed_events_and_without_it_gets_a_snapshot() {
        String token;
        try (DesktopClient desk = desktop()) {
            token = login(desk, "1001");
            desk.event("SnapshotEvent", null);
            desk.result(desk.request("{\"type\":\"agentReady\"}"));
            assertThat(desk.event("AgentStateEvent", "Ready").get("seq").asLong()).isEqualTo(3);
        }
        connector.ring(new AgentId("1001"), new CallId("c-7"));

        try (DesktopClient reloaded = desktop(); DesktopClient secondTab = desktop()) {
            reloaded.send("{\"op\":\"resume\",\"token\":\"" + token + "\",\"lastSeq\":3}");
            JsonNode missed = reloaded.event("CallStateEvent", "Offering");
            secondTab.send("{\"op\":\"resume\",\"token\":\"" + token + "\"}");
            JsonNode snapshot = secondTab.event("SnapshotEvent", null);

            assertThat(missed.get("seq").asLong()).isEqualTo(4);
            assertThat(snapshot.get("seq").asLong()).isEqualTo(5);
            assertThat(snapshot.at("/calls/0/callId").asText()).isEqualTo("c-7");
            assertThat(snapshot.at("/agent/state").asText()).isEqualTo("Ready");
            assertThat(reloaded.event("SnapshotEvent", null).get("seq").asLong()).as("every tab sees every seq").isEqualTo(5);
        }
    }

    @Test
    void a_resume_with_a_forged_token_is_not_authorized() {
        try (DesktopClient desk = desktop()) {
            desk.send("{\"op\":\"resume\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.e30.forged\",\"lastSeq\":1}");

            JsonNode error = desk.await(f -> f.path("op").asText().equals("error"));

            assertThat(error.at("/error/code").asText()).isEqualTo("OPENCTI_NOT_AUTHORIZED");
        }
    }

    @Test
    void malformed_json_and_an_unknown_op_get_specific_errors_and_the_socket_stays_usable() {
        try (DesktopClient desk = desktop()) {
            desk.send("{\"op\":\"request\",");
            JsonNode malformed = desk.await(f -> f.path("op").asText().equals("error"));
            desk.send("{\"op\":\"dance\"}");
            JsonNode unknown = desk.await(f -> f.path("op").asText().equals("error"));

            assertThat(malformed.at("/error/code").asText()).isEqualTo("OPENCTI_BAD_REQUEST");
            assertThat(malformed.at("/error/message").asText()).startsWith("$: malformed JSON at line 1");
            assertThat(unknown.at("/error/message").asText()).startsWith("$.op: unknown op 'dance'");
            login(desk, "1001");
        }
    }

    @Test
    void a_request_before_login_needs_a_login() {
        try (DesktopClient desk = desktop()) {
            JsonNode result = desk.result(desk.request("{\"type\":\"agentReady\"}"));

            assertThat(result.at("/error/code").asText()).isEqualTo("OPENCTI_AGENT_NOT_LOGGED_IN");
        }
    }

    @Test
    void a_ready_agent_whose_desktop_vanished_is_made_not_ready_after_ten_seconds_of_virtual_time() {
        DesktopClient desk = desktop();
        login(desk, "1001");
        desk.result(desk.request("{\"type\":\"agentReady\"}"));
        desk.event("AgentStateEvent", "Ready");

        desk.dropConnection();
        awaitDetached();
        time.advance(Duration.ofSeconds(9));
        assertThat(connector.count(AgentNotReady.class)).isZero();
        time.advance(Duration.ofSeconds(1));

        assertThat(connector.received).extracting(FakeConnector.Received::request)
                .contains(new AgentNotReady("DesktopLost", null));
    }

    @Test
    void a_websocket_from_a_foreign_origin_is_refused() {
        assertThatThrownBy(() -> new DesktopClient(server.port(), "https://evil.example"))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void health_is_open_and_reports_the_link() throws Exception {
        var response = HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"link\":\"Connected\"");
    }

    @Test
    void the_desktop_library_and_its_schema_files_are_served_with_module_friendly_types() throws Exception {
        var client = HttpClient.newHttpClient();
        var js = client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + "/desktop/index.js")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        var tables = client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + "/desktop/schema/v1/state-tables.json")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(tables.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(tables.body()).contains("\"callActions\"");
    }

    /** The server notices the closed socket on its own thread; wait for that, not for time. */
    private void awaitDetached() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && server.openSockets() > 0) Thread.onSpinWait();
        assertThat(server.openSockets()).isZero();
    }
}
