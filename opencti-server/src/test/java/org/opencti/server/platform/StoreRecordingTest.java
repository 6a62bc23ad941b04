package org.opencti.server.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.server.gateway.DesktopClient;
import org.opencti.store.Page;
import org.opencti.store.agentstate.AgentStateChange;
import org.opencti.store.audit.AuditEntry;
import org.opencti.store.interaction.Interaction;
import org.opencti.store.interaction.InteractionQuery;

import static org.assertj.core.api.Assertions.assertThat;

class StoreRecordingTest {
    private static final AgentId AGENT = new AgentId("1001");
    private static final Instant EVER = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir Path dataDir;
    private ServerWithStore platform;

    @BeforeEach
    void start() { platform = new ServerWithStore(dataDir); }

    @AfterEach
    void stop() { platform.close(); }

    @Test
    void a_call_rung_answered_hung_up_and_wrapped_up_is_one_interaction_row_and_the_state_changes_are_logged() {
        try (DesktopClient desk = platform.desktop()) {
            platform.login(desk, "1001");
            platform.time.advance(Duration.ofSeconds(1)); // distinct times: the log orders by time
            platform.ok(desk, "{\"type\":\"agentReady\"}");
            platform.connector.ring(AGENT, new CallId("c-7"));
            desk.event("CallStateEvent", "Offering");
            platform.time.advance(Duration.ofSeconds(4));
            platform.ok(desk, "{\"type\":\"answerCall\",\"callId\":\"c-7\"}");
            desk.event("CallStateEvent", "Established");
            platform.time.advance(Duration.ofSeconds(20)); // under the 30 s dead-socket limit: the test desktop sends no pongs
            platform.ok(desk, "{\"type\":\"hangUpCall\",\"callId\":\"c-7\"}");
            desk.event("CallStateEvent", "Disconnected");
            platform.time.advance(Duration.ofSeconds(5));

            platform.ok(desk, "{\"type\":\"wrapUp\",\"callId\":\"c-7\",\"wrapUpCode\":\"sale\",\"notes\":\"upgraded plan\"}");
            platform.flushed();

            List<Interaction> rows = platform.store.interactions().find(InteractionQuery.all().forAgent(AGENT));
            assertThat(rows).hasSize(1);
            Interaction call = rows.getFirst();
            assertThat(call.callId()).isEqualTo(new CallId("c-7"));
            assertThat(call.callType()).isEqualTo(CallType.Inbound);
            assertThat(call.queue()).isEqualTo("sales");
            assertThat(call.offeredAt()).isEqualTo(Instant.parse("2026-11-28T10:00:01Z"));
            assertThat(call.answeredAt()).isEqualTo(Instant.parse("2026-11-28T10:00:05Z"));
            assertThat(call.endedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:25Z"));
            assertThat(call.cause()).isEqualTo(DisconnectCause.Normal);
            assertThat(call.wrapUpCode()).isEqualTo("sale");
            assertThat(call.wrapUpNotes()).isEqualTo("upgraded plan");
            assertThat(call.wrappedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:30Z"));
            assertThat(call.customerId()).as("the screen pop's customer is recorded").isEqualTo(ServerWithStore.ALICE.id());
            assertThat(platform.store.agentStates().changes(AGENT, EVER, NEVER, Page.FIRST_100))
                    .extracting(AgentStateChange::state, AgentStateChange::reasonCode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(AgentState.Ready, null),
                            org.assertj.core.groups.Tuple.tuple(AgentState.NotReady, "login"));
        }
    }

    @Test
    void every_control_request_is_audited_with_its_result_and_never_with_the_password() {
        try (DesktopClient desk = platform.desktop()) {
            JsonNode refused = desk.result(desk.request("{\"type\":\"login\",\"agentId\":\"1001\",\"password\":\"guess\"}"));
            assertThat(refused.path("ok").asBoolean()).isFalse();
            platform.time.advance(Duration.ofSeconds(1));
            platform.login(desk, "1001");
            platform.time.advance(Duration.ofSeconds(1));
            platform.connector.ring(AGENT, new CallId("c-7"));
            desk.event("CallStateEvent", "Offering");
            desk.result(desk.request("{\"type\":\"holdCall\",\"callId\":\"c-7\"}"));

            platform.flushed();

            List<AuditEntry> entries = platform.store.audit().entries(AGENT, EVER, NEVER, Page.FIRST_100).reversed();
            assertThat(entries).extracting(AuditEntry::action, AuditEntry::resultCode, AuditEntry::requestId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("login", ErrorCode.OPENCTI_NOT_AUTHORIZED, "r-1"),
                    org.assertj.core.groups.Tuple.tuple("login", null, "r-2"),
                    org.assertj.core.groups.Tuple.tuple("holdCall", ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE, "r-3"));
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry.actor()).isEqualTo("1001");
                assertThat(entry.targetAgent()).isEqualTo(AGENT);
                assertThat(entry.requestJson()).doesNotContain("password").doesNotContain("guess").doesNotContain("demo");
            });
            assertThat(entries.getLast().requestJson()).isEqualTo("{\"type\":\"holdCall\",\"callId\":\"c-7\"}");
        }
    }

    @Test
    void closing_the_server_writes_every_row_recorded_so_far() {
        try (DesktopClient desk = platform.desktop()) {
            platform.login(desk, "1001");
            platform.connector.ring(AGENT, new CallId("c-7"));
            desk.event("CallStateEvent", "Offering");

            platform.server.close();

            assertThat(platform.store.counters().queued()).isZero();
            assertThat(platform.store.interactions().find(InteractionQuery.all().forAgent(AGENT)))
                    .extracting(Interaction::callId).containsExactly(new CallId("c-7"));
        }
    }
}
