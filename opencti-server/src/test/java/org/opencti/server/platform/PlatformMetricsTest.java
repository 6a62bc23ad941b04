package org.opencti.server.platform;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.server.gateway.DesktopClient;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformMetricsTest {
    @TempDir Path dataDir;

    @Test
    void metrics_are_open_prometheus_text_with_sessions_events_latency_link_store_and_lookups() {
        try (ServerWithStore platform = new ServerWithStore(dataDir); DesktopClient desk = platform.desktop()) {
            String token = platform.login(desk, "1001");
            platform.connector.ring(new AgentId("1001"), new CallId("c-7"));
            desk.event("CallStateEvent", "Offering");
            platform.get("/api/v1/agents", token);

            HttpResponse<String> metrics = platform.get("/metrics", null);

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("opencti_sessions_open 1.0")
                    .contains("opencti_events_delivered_total{type=\"CallStateEvent\"} 1.0")
                    .contains("opencti_requests_seconds_bucket{action=\"login\",result=\"ok\"")
                    .contains("opencti_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/agents\",status=\"200\"} 1")
                    .contains("opencti_link_state{state=\"Connected\"} 1.0")
                    .contains("opencti_store_queue_depth")
                    .contains("opencti_store_rows_written_total")
                    .contains("opencti_store_rows_dropped_total")
                    .contains("opencti_store_rows_lost_total")
                    .contains("opencti_screenpop_lookups_total{outcome=\"hit\"} 1.0")
                    .contains("opencti_screenpop_lookups_total{outcome=\"timeout\"} 0.0");
        }
    }
}
