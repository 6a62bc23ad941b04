package org.opencti.server.platform;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.server.gateway.DesktopClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The series added for supervision, queues, sockets and the store's buffer, read from {@code /metrics}. */
class ServerMetricsTest {
    @TempDir Path dataDir;

    @Test
    void metrics_show_open_sockets_monitored_queues_the_store_bound_overflows_and_supervisor_requests() {
        try (ServerWithStore platform = new ServerWithStore(dataDir);
             DesktopClient agent = platform.desktop(); DesktopClient supervisorDesk = platform.desktop()) {
            platform.login(agent, "1001");
            String supervisor = platform.login(supervisorDesk, "9001");
            double deliveredBefore = platform.metric("opencti_events_delivered_total{type=\"CallStateEvent\"}");
            for (int i = 0; i < 3; i++) platform.connector.ring(new AgentId("1001"), new CallId("c-" + i));
            for (int i = 0; i < 3; i++) agent.event("CallStateEvent", "Offering"); // the screen pop may hold them briefly
            platform.post("/api/v1/agents/1001/state", "{\"state\":\"Ready\"}", supervisor);

            assertThat(platform.metric("opencti_sockets_open")).isEqualTo(2);
            assertThat(platform.metric("opencti_queues_monitored")).isEqualTo(1);
            assertThat(platform.metric("opencti_sockets_overflowed_total")).isZero();
            assertThat(platform.metric("opencti_store_buffer_capacity{when_full=\"DROP_NEWEST\"}")).isEqualTo(100_000);
            assertThat(platform.metric("opencti_events_delivered_total{type=\"CallStateEvent\"}") - deliveredBefore).isEqualTo(3);
            assertThat(platform.metric("opencti_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/agents/{agentId}/state\",status=\"202\"}"))
                    .isEqualTo(1);
        }
    }
}
