package org.opencti.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.config.Customer;
import org.opencti.server.Deployment;
import org.opencti.server.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole product on free ports: desktop socket -> gateway -> CSTA connector -> lab, and back. */
class DeploymentTest {
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

    @Test
    void an_agent_logs_in_goes_ready_and_handles_an_inbound_queue_call_from_offering_to_wrap_up() {
        try (DesktopClient desk = new DesktopClient(deployment.port())) {
            JsonNode login = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"1001\",\"password\":\"demo\"}"));
            assertThat(login.path("ok").asBoolean()).as(login.toString()).isTrue();
            assertThat(desk.event("SnapshotEvent", null).at("/agent/state").asText()).isEqualTo("NotReady");
            assertThat(desk.result(desk.request("{\"type\":\"agentReady\"}")).path("ok").asBoolean()).isTrue();
            desk.event("AgentStateEvent", "Ready");

            Customer customer = lab.config().customers().getFirst();
            String callId = lab.placeCall(ScriptedCall.from(customer.phone(), "8001").withData(Map.of("accountId", customer.accountId())));
            JsonNode offering = desk.event("CallStateEvent", "Offering");

            assertThat(offering.get("callId").asText()).isEqualTo(callId);
            assertThat(offering.get("callType").asText()).isEqualTo("Inbound");
            assertThat(offering.get("ani").asText()).isEqualTo(customer.phone());
            assertThat(offering.at("/callData/accountId").asText()).isEqualTo(customer.accountId());
            assertThat(offering.get("allowedActions").toString()).contains("answerCall");

            assertThat(desk.result(desk.request("{\"type\":\"answerCall\",\"callId\":\"" + callId + "\"}")).path("ok").asBoolean()).isTrue();
            desk.event("CallStateEvent", "Established");
            assertThat(desk.result(desk.request("{\"type\":\"hangUpCall\",\"callId\":\"" + callId + "\"}")).path("ok").asBoolean()).isTrue();
            JsonNode ended = desk.event("CallStateEvent", "Disconnected");
            desk.event("AgentStateEvent", "AfterCallWork");
            JsonNode wrapUp = desk.result(desk.request("{\"type\":\"wrapUp\",\"callId\":\"" + callId + "\",\"wrapUpCode\":\"SALE\"}"));

            assertThat(ended.get("cause").asText()).isEqualTo("Normal");
            assertThat(wrapUp.path("ok").asBoolean()).as(wrapUp.toString()).isTrue();
        }
    }
}
