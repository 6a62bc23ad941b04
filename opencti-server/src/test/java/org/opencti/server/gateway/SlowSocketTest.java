package org.opencti.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.connector.spi.time.ManualScheduler;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.ErrorCode;
import org.opencti.model.json.CtiJson;
import org.opencti.server.OpenCtiServer;
import org.opencti.server.ServerSetup;
import org.opencti.server.session.PasswordHash;
import org.opencti.server.session.SendQueue;
import org.opencti.server.session.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Isolation: agent 1001 has two tabs; one is a raw socket that stops reading. Its send queue is bounded at 32 frames
 * and 16 KiB: once the kernel buffers are full it falls behind, is closed with a clear reason, and the healthy tab
 * keeps receiving every event in order. The stalled desktop then resumes from the session's replay buffer.
 */
class SlowSocketTest {
    private static final int FRAMES = 32;
    private static final long BYTES = 16 * 1024;
    private static final AgentId AGENT = new AgentId("1001");

    @TempDir Path dataDir;
    private final FakeConnector connector = new FakeConnector();
    private final ManualScheduler time = new ManualScheduler(FakeConnector.start());
    private OpenCtiServer server;

    @BeforeEach
    void start() {
        // A replay buffer larger than the whole test, so the resume below replays instead of snapshotting.
        GatewaySettings settings = new GatewaySettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10),
                "DesktopLost", Duration.ofSeconds(60), 200_000, Duration.ofHours(12), FRAMES, BYTES);
        List<User> users = List.of(new User(AGENT, PasswordHash.of("demo"), User.Role.agent, "north", "5001"));
        server = OpenCtiServer.create(new ServerSetup(connector, users, dataDir, time, settings, null, List.of())).start(0);
    }

    @AfterEach
    void stop() { server.close(); }

    @Test
    void a_tab_that_stops_reading_is_closed_at_its_bound_while_the_other_tab_gets_every_event_in_order_and_it_resumes_later() throws Exception {
        try (DesktopClient healthy = new DesktopClient(server.port()); RawWebSocket stalled = new RawWebSocket(server.port())) {
            JsonNode login = healthy.result(healthy.request("{\"type\":\"login\",\"agentId\":\"1001\",\"password\":\"demo\"}"));
            String token = login.at("/value/token").asText();
            stalled.sendText("{\"op\":\"resume\",\"token\":\"" + token + "\"}");
            healthy.await(f -> f.at("/event/type").asText().equals("SnapshotEvent") && f.at("/event/seq").asLong() == 3);

            int calls = 0;
            while (server.overflowedSockets().isEmpty() && calls < 50_000) {
                connector.ring(AGENT, new CallId("c-" + calls));
                connector.hangUp(AGENT, new CallId("c-" + calls));
                calls++;
            }
            long lastSeq = 3 + 2L * calls;
            List<Long> received = new ArrayList<>();
            healthy.await(f -> {
                if (f.path("op").asText().equals("event") && f.at("/event/seq").asLong() > 3) received.add(f.at("/event/seq").asLong());
                return f.at("/event/seq").asLong() == lastSeq;
            });

            assertThat(server.overflowedSockets()).as("the stalled tab fell behind after %d calls", calls).hasSize(1);
            SendQueue.Counters queue = server.overflowedSockets().getFirst();
            assertThat(queue.closed()).isTrue();
            assertThat(queue.peakFrames()).isLessThanOrEqualTo(FRAMES);
            assertThat(queue.peakBytes()).isLessThanOrEqualTo(BYTES);
            assertThat(received).as("every event, in order, no gap").hasSize(2 * calls).isSorted()
                    .doesNotHaveDuplicates().startsWith(4L).endsWith(lastSeq);
            assertThat(metric("opencti_sockets_overflowed_total")).isEqualTo("1.0");

            long stalledSeq = 0;
            RawWebSocket.Frame frame;
            while ((frame = stalled.read()).opcode() == 1) {
                JsonNode event = CtiJson.readTree(frame.text(), ErrorCode.OPENCTI_BAD_REQUEST).path("event");
                if (event.has("seq")) {
                    assertThat(event.get("seq").asLong()).as("the stalled tab's frames are in order too").isEqualTo(stalledSeq == 0 ? 3 : stalledSeq + 1);
                    stalledSeq = event.get("seq").asLong();
                }
            }
            assertThat(frame.opcode()).isEqualTo(8);
            assertThat(frame.closeCode()).isEqualTo(SendQueue.CLOSE_CODE);
            assertThat(frame.closeReason()).startsWith("send queue full (").endsWith("unsent); resume with lastSeq");
            assertThat(stalledSeq).isLessThan(lastSeq);

            try (DesktopClient resumed = new DesktopClient(server.port())) {
                resumed.send("{\"op\":\"resume\",\"token\":\"" + token + "\",\"lastSeq\":" + stalledSeq + "}");
                long expected = stalledSeq + 1;
                while (expected <= lastSeq) {
                    long want = expected;
                    resumed.await(f -> f.at("/event/seq").asLong() == want);
                    expected++;
                }
                connector.ring(AGENT, new CallId("after"));
                assertThat(resumed.event("CallStateEvent", "Offering").get("seq").asLong()).isEqualTo(lastSeq + 1);
            }
        }
    }

    private String metric(String series) {
        for (String line : server.meterRegistry().scrape().split("\n"))
            if (line.startsWith(series + " ")) return line.substring(series.length() + 1).trim();
        throw new AssertionError("no " + series + " in /metrics");
    }
}
