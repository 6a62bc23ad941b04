package org.opencti.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.connector.spi.time.ManualScheduler;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.DequeueReason;
import org.opencti.server.OpenCtiServer;
import org.opencti.server.ServerSetup;
import org.opencti.server.platform.QueueDefinition;
import org.opencti.server.session.PasswordHash;
import org.opencti.server.session.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server restart on the same data folder: the signing key is the same, so tokens issued before still verify, and a
 * desktop resuming with one gets its session back, numbered after what it already holds. The fake connector here
 * outlives the server (as a CTI server keeps the agent logged in), so it knows the agent's desk.
 */
class RestartTest {
    @TempDir Path dataDir;
    private final FakeConnector connector = new FakeConnector();
    private final ManualScheduler time = new ManualScheduler(FakeConnector.start());
    private final List<User> users = List.of(
            new User(new AgentId("1001"), PasswordHash.of("demo"), User.Role.agent, "north", "5001"),
            new User(new AgentId("9001"), PasswordHash.of("demo"), User.Role.supervisor, "north", null));
    private OpenCtiServer server;

    private OpenCtiServer start() {
        server = OpenCtiServer.create(new ServerSetup(connector, users, dataDir, time, null, null, List.of())
                .withQueues(List.of(new QueueDefinition("sales", "8001", 20)))).start(0);
        return server;
    }

    @AfterEach
    void stop() { server.close(); }

    private static String login(DesktopClient desk, String user) {
        JsonNode result = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"" + user + "\",\"password\":\"demo\"}"));
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        return result.at("/value/token").asText();
    }

    @Test
    void after_a_restart_an_agents_old_token_resumes_its_session_numbered_after_what_the_desktop_holds() {
        String token;
        long lastSeq;
        try (DesktopClient desk = new DesktopClient(start().port())) {
            token = login(desk, "1001");
            desk.result(desk.request("{\"type\":\"agentReady\"}"));
            lastSeq = desk.event("AgentStateEvent", "Ready").get("seq").asLong();
        }
        server.close();

        try (DesktopClient desk = new DesktopClient(start().port())) {
            desk.send("{\"op\":\"resume\",\"token\":\"" + token + "\",\"lastSeq\":" + lastSeq + "}");
            JsonNode snapshot = desk.event("SnapshotEvent", null);
            connector.ring(new AgentId("1001"), new CallId("c-1"));
            JsonNode offering = desk.event("CallStateEvent", "Offering");
            JsonNode answered = desk.result(desk.request("{\"type\":\"answerCall\",\"callId\":\"c-1\"}"));

            assertThat(snapshot.get("seq").asLong()).isEqualTo(lastSeq + 1);
            assertThat(snapshot.at("/agent/state").asText()).isEqualTo("Ready");
            assertThat(snapshot.get("device").asText()).isEqualTo("5001");
            assertThat(offering.get("seq").asLong()).isEqualTo(lastSeq + 2);
            assertThat(answered.path("ok").asBoolean()).as("the restored desk allows the call's actions").isTrue();
        }
    }

    @Test
    void after_a_restart_a_supervisors_old_token_resumes_and_its_socket_gets_queue_events_again() {
        String token;
        try (DesktopClient desk = new DesktopClient(start().port())) {
            token = login(desk, "9001");
        }
        server.close();

        try (DesktopClient desk = new DesktopClient(start().port())) {
            desk.send("{\"op\":\"resume\",\"token\":\"" + token + "\",\"lastSeq\":1}");
            desk.event("SnapshotEvent", null);
            connector.queue("sales", new CallId("c-2"), 1, null);
            connector.queue("sales", new CallId("c-2"), 0, DequeueReason.Abandoned);

            assertThat(desk.event("QueueEvent", "CallQueued").get("agentId").asText()).isEqualTo("9001");
            assertThat(desk.event("QueueEvent", "CallDequeued").get("reason").asText()).isEqualTo("Abandoned");
            assertThat(server.monitoredQueues()).containsExactly("8001");
        }
    }

    @Test
    void a_token_signed_with_another_data_folders_key_does_not_resume(@TempDir Path otherDataDir) {
        String token;
        try (DesktopClient desk = new DesktopClient(start().port())) {
            token = login(desk, "1001");
        }
        server.close();
        server = OpenCtiServer.create(new ServerSetup(connector, users, otherDataDir, time, null, null, List.of())).start(0);

        try (DesktopClient desk = new DesktopClient(server.port())) {
            desk.send("{\"op\":\"resume\",\"token\":\"" + token + "\",\"lastSeq\":2}");

            JsonNode error = desk.await(f -> f.path("op").asText().equals("error"));

            assertThat(error.at("/error/code").asText()).isEqualTo("OPENCTI_NOT_AUTHORIZED");
            assertThat(error.at("/error/details/reason").asText()).isEqualTo("invalid");
        }
    }
}
