package org.opencti.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;
import org.opencti.server.Deployment;
import org.opencti.server.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queues on the real lab: the connector monitors the lab's queues, scripted callers queue, supervisor 2001 (team
 * north) sees the queue events and agent 1001's calls, and REST counts answered and abandoned calls.
 */
class QueuesOnTheLabTest {
    @TempDir Path dataDir;
    private Deployment deployment;
    private ContactCentreLab lab;

    @BeforeEach
    void start() {
        deployment = Deployment.start(ServerConfig.defaults().withPort(0).withLabCstaPort(0).withLabWebSocketPort(0).withDataDir(dataDir)
                .withLab(true, false));
        lab = deployment.lab().orElseThrow();
    }

    @AfterEach
    void stop() { deployment.close(); }

    static String login(DesktopClient desk, String user) {
        JsonNode result = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"" + user + "\",\"password\":\"demo\"}"));
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        return result.at("/value/token").asText();
    }

    /** Waits (real time: the lab and the link run on real clocks) until the connector monitors every lab queue. */
    static void awaitQueuesMonitored(Deployment deployment) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && deployment.server().monitoredQueues().size() < 3)
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // polls the condition without burning a shared core
        assertThat(deployment.server().monitoredQueues()).containsExactlyInAnyOrder("8001", "8002", "8003");
    }

    private JsonNode sales(String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + deployment.port() + "/api/v1/queues"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode queue : CtiJson.readTree(response.body(), ErrorCode.OPENCTI_BAD_REQUEST).get("items"))
            if (queue.get("queue").asText().equals("sales")) return queue;
        throw new AssertionError("no sales queue in " + response.body());
    }

    @Test
    void a_scripted_caller_queues_is_distributed_and_answered_and_an_impatient_one_abandons_while_the_supervisor_watches() throws Exception {
        awaitQueuesMonitored(deployment);
        try (DesktopClient supervisorDesk = new DesktopClient(deployment.port()); DesktopClient agent = new DesktopClient(deployment.port())) {
            String supervisor = login(supervisorDesk, "2001");
            login(agent, "1001");
            assertThat(agent.result(agent.request("{\"type\":\"agentReady\"}")).path("ok").asBoolean()).isTrue();
            agent.event("AgentStateEvent", "Ready");

            String answered = lab.placeCall(ScriptedCall.from(lab.config().customers().getFirst().phone(), "8001"));
            JsonNode queued = supervisorDesk.event("QueueEvent", "CallQueued");
            JsonNode distributed = supervisorDesk.event("QueueEvent", "CallDequeued");
            agent.event("CallStateEvent", "Offering");
            agent.result(agent.request("{\"type\":\"answerCall\",\"callId\":\"" + answered + "\"}"));
            agent.event("CallStateEvent", "Established");
            supervisorDesk.await(f -> f.at("/event/type").asText().equals("CallStateEvent")
                    && f.at("/event/name").asText().equals("Established") && f.at("/event/agentId").asText().equals("1001"));
            String abandoned = lab.placeCall(ScriptedCall.from(lab.config().customers().get(1).phone(), "8001")
                    .abandoningAfter(Duration.ofMillis(500)));
            supervisorDesk.await(f -> f.at("/event/name").asText().equals("CallDequeued")
                    && f.at("/event/reason").asText().equals("Abandoned"));
            JsonNode sales = sales(supervisor);

            assertThat(queued.get("queue").asText()).isEqualTo("sales");
            assertThat(queued.get("callId").asText()).isEqualTo(answered);
            assertThat(queued.get("agentId").asText()).isEqualTo("2001");
            assertThat(distributed.get("reason").asText()).isEqualTo("Distributed");
            assertThat(abandoned).isNotEqualTo(answered);
            assertThat(sales.get("offered").asInt()).isEqualTo(2);
            assertThat(sales.get("answered").asInt()).isEqualTo(1);
            assertThat(sales.get("abandoned").asInt()).isEqualTo(1);
            assertThat(sales.get("waiting").asInt()).isZero();
            assertThat(sales.get("serviceLevel").asDouble()).as("the short abandon is left out").isEqualTo(1.0);
            assertThat(lab.queue("sales").statistics().answered()).as("the lab agrees").isEqualTo(1);
            assertThat(lab.queue("sales").statistics().abandoned()).isEqualTo(1);
        }
    }
}
