package org.opencti.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.server.Deployment;
import org.opencti.server.config.ServerConfig;
import org.opencti.server.config.StoreSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.server.gateway.QueuesOnTheLabTest.awaitQueuesMonitored;
import static org.opencti.server.gateway.QueuesOnTheLabTest.login;

/**
 * The server restarts on the same data folder while the contact centre (a lab of its own, as a real PBX would be)
 * keeps running: the new connector monitors the queues again, and a supervisor's old token resumes its session.
 */
class RestartOnTheLabTest {
    @TempDir Path dataDir;
    private ContactCentreLab lab;

    @BeforeEach
    void startLab() {
        lab = ContactCentreLab.create(LabOptions.defaults().withCstaPort(0).withTraffic(false));
        lab.start();
    }

    @AfterEach
    void stopLab() { lab.close(); }

    private ServerConfig withoutEmbeddedLab() {
        return new ServerConfig(0, dataDir, List.of(), false, null, 0, 0, false, "csta", Map.of("host", "127.0.0.1",
                "port", String.valueOf(lab.cstaPort()), "queues", "8001=sales,8002=support,8003=billing"), StoreSettings.DEFAULTS);
    }

    @Test
    void after_a_restart_queue_monitors_are_back_and_a_supervisors_old_token_resumes_with_queue_events() {
        String supervisorToken;
        String agentToken;
        long supervisorSeq;
        try (Deployment first = Deployment.start(withoutEmbeddedLab());
             DesktopClient supervisor = new DesktopClient(first.port()); DesktopClient agent = new DesktopClient(first.port())) {
            awaitQueuesMonitored(first);
            supervisorToken = login(supervisor, "2001");
            supervisorSeq = supervisor.event("SnapshotEvent", null).get("seq").asLong();
            agentToken = login(agent, "1001");
        }

        try (Deployment second = Deployment.start(withoutEmbeddedLab());
             DesktopClient supervisor = new DesktopClient(second.port()); DesktopClient agent = new DesktopClient(second.port())) {
            awaitQueuesMonitored(second);
            supervisor.send("{\"op\":\"resume\",\"token\":\"" + supervisorToken + "\",\"lastSeq\":" + supervisorSeq + "}");
            JsonNode snapshot = supervisor.event("SnapshotEvent", null);
            String callId = lab.placeCall(ScriptedCall.from(lab.config().customers().getFirst().phone(), "8002"));
            JsonNode queued = supervisor.event("QueueEvent", "CallQueued");
            agent.send("{\"op\":\"resume\",\"token\":\"" + agentToken + "\",\"lastSeq\":2}");
            JsonNode refused = agent.await(f -> f.path("op").asText().equals("error"));

            assertThat(snapshot.get("seq").asLong()).isEqualTo(supervisorSeq + 1);
            assertThat(queued.get("callId").asText()).isEqualTo(callId);
            assertThat(queued.get("queue").asText()).isEqualTo("support");
            // The connector SPI has no way yet to monitor a logged-in agent's device again without its password.
            assertThat(refused.at("/error/code").asText()).isEqualTo("OPENCTI_NOT_AUTHORIZED");
            assertThat(refused.at("/error/details/reason").asText()).isEqualTo("restarted");
            assertThat(refused.at("/error/message").asText()).startsWith("The server restarted and the CTI connector does not"
                    + " know agent 1001's desk at 5001");
        }
    }
}
