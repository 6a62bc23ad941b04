package org.opencti.connector.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.connector.spi.contract.EventRecorder.expect;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencti.connector.asterisk.ami.FakeAmiServer;
import org.opencti.connector.asterisk.ami.Transcript;
import org.opencti.connector.spi.Accepted;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.connector.spi.contract.EventRecorder;
import org.opencti.connector.spi.time.ManualScheduler;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.CallType;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.DisconnectCause;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.event.LinkStateEvent;
import org.opencti.model.event.PartyInfoEvent;
import org.opencti.model.request.*;

/**
 * The connector against the fake AMI server playing one documentation-derived transcript per scenario over loopback
 * TCP: the canonical events it publishes, and (checked by the server) the actions and ActionIDs it sends.
 */
class AsteriskScenarioTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AgentId AGENT = new AgentId("1001");
    private final FakeAmiServer server = new FakeAmiServer("opencti", "s3cret");
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-28T10:00:00Z"));
    private final EventRecorder events = new EventRecorder(time);
    private CtiConnector connector;

    private void play(String transcript) {
        play(Transcript.load(Path.of("src/test/resources/transcripts", transcript)));
    }

    private void play(Transcript transcript) {
        server.play(transcript);
        connector = ConnectorLoader.create(new ConnectorConfig("asterisk-ami", Map.of("host", "127.0.0.1",
                "port", String.valueOf(server.port()), "username", "opencti", "secret", "s3cret", "queues", "8001=sales")));
        connector.start(events);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (connector.linkState() != LinkState.Connected) {
            if (System.nanoTime() > deadline) throw new AssertionError("no AMI login within " + WAIT);
            Thread.onSpinWait();
        }
    }

    @AfterEach
    void stop() {
        if (connector != null) connector.close();
        server.close();
    }

    private Accepted accepted(CtiRequest request) {
        return connector.execute(new RequestId("r-" + System.nanoTime()), AGENT, request).toCompletableFuture()
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    private void loggedIn() {
        accepted(new Login(AGENT, "any", "5001", null));
        events.awaitSequence(0, WAIT, agent(AgentState.NotReady, "login"));
    }

    private void ready() {
        loggedIn();
        int mark = events.mark();
        accepted(new AgentReady(null));
        events.awaitSequence(mark, WAIT, agent(AgentState.Ready, null));
    }

    private static EventRecorder.Expected<AgentStateEvent> agent(AgentState state, String reason) {
        return expect(AgentStateEvent.class, state + " " + reason, e -> e.name() == state && (reason == null || reason.equals(e.reasonCode())));
    }

    private static EventRecorder.Expected<CallStateEvent> call(ConnectionState state) {
        return expect(CallStateEvent.class, state.name(), e -> e.name() == state);
    }

    private static EventRecorder.Expected<CallStateEvent> ended(DisconnectCause cause) {
        return expect(CallStateEvent.class, "Disconnected " + cause, e -> e.name() == ConnectionState.Disconnected && e.cause() == cause);
    }

    private void assertTheServerSawExactlyTheScript() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!server.scriptDone() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(server.problems()).isEmpty();
        assertThat(server.scriptDone()).as("every scripted action was sent").isTrue();
        assertThat(server.received()).filteredOn(action -> !List.of("Challenge", "Login", "CoreSettings").contains(action.get("action")))
                .as("actions the connector wrote carry its own ActionID").isNotEmpty()
                .allSatisfy(action -> assertThat(action.get("actionid")).containsPattern("#opencti-[0-9]+$"));
    }

    @Test
    void an_answered_call_through_a_queue_is_offered_established_and_ended_by_the_customer() {
        play("inbound-via-queue-answered.ami");

        ready();

        List<CtiEvent> seen = events.awaitSequence(0, WAIT, call(ConnectionState.Offering), agent(AgentState.Busy, null),
                call(ConnectionState.Established), ended(DisconnectCause.RemoteHangup), agent(AgentState.Ready, null));
        CallStateEvent offering = (CallStateEvent) seen.getFirst();
        assertThat(offering.callId()).isEqualTo(new CallId("1764324100.3"));
        assertThat(offering.callType()).isEqualTo(CallType.Inbound);
        assertThat(offering.ani()).isEqualTo("0612345678");
        assertThat(offering.dnis()).isEqualTo("8001");
        assertThat(offering.queue()).isEqualTo("sales");
        assertThat(((CallStateEvent) seen.get(3)).allowedActions()).containsExactly(org.opencti.model.state.Action.WRAP_UP);
        assertTheServerSawExactlyTheScript();
    }

    @Test
    void after_call_work_lasts_the_members_wrapuptime_on_the_connectors_clock() throws Exception {
        String text = java.nio.file.Files.readString(Path.of("src/test/resources/transcripts/inbound-via-queue-answered.ami"));
        play(Transcript.parse("with-wrapuptime", text.replace("Wrapuptime: 0", "Wrapuptime: 5")));
        ready();
        events.awaitSequence(0, WAIT, ended(DisconnectCause.RemoteHangup), agent(AgentState.AfterCallWork, null));
        int wrapping = events.mark();

        time.advance(Duration.ofSeconds(4));
        events.assertNone(wrapping, agent(AgentState.Ready, null));
        time.advance(Duration.ofSeconds(1));

        events.awaitSequence(wrapping, WAIT, agent(AgentState.Ready, null));
    }

    @Test
    void a_simple_dial_goes_Initiated_Alerting_Established_under_the_originated_channel_id_and_hangs_up_Normal() {
        play("simple-dial.ami");
        loggedIn();

        CallId call = accepted(new MakeCall("0612000001", null)).callId();

        List<CtiEvent> seen = events.awaitSequence(0, WAIT, call(ConnectionState.Initiated), agent(AgentState.Busy, null),
                call(ConnectionState.Alerting), call(ConnectionState.Established));
        assertThat(seen).filteredOn(CallStateEvent.class::isInstance).allSatisfy(e -> {
            assertThat(((CallStateEvent) e).callId()).isEqualTo(call);
            assertThat(((CallStateEvent) e).callType()).isEqualTo(CallType.Outbound);
            assertThat(((CallStateEvent) e).otherDn()).isEqualTo("0612000001");
        });
        int mark = events.mark();
        accepted(new HangUpCall(call));
        events.awaitSequence(mark, WAIT, ended(DisconnectCause.Normal), agent(AgentState.NotReady, "login"));
        assertTheServerSawExactlyTheScript();
    }

    @Test
    void a_busy_number_ends_the_call_once_with_cause_Busy() {
        play("busy.ami");
        loggedIn();

        accepted(new MakeCall("0612000002", null));

        events.awaitSequence(0, WAIT, call(ConnectionState.Alerting), ended(DisconnectCause.Busy), agent(AgentState.NotReady, "login"));
        assertThat(events.all()).filteredOn(e -> e instanceof CallStateEvent c && c.name() == ConnectionState.Disconnected).hasSize(1);
        assertTheServerSawExactlyTheScript();
    }

    @Test
    void a_number_that_never_answers_ends_with_cause_NoAnswer() {
        play("no-answer.ami");
        loggedIn();

        accepted(new MakeCall("0612000003", null));

        events.awaitSequence(0, WAIT, call(ConnectionState.Alerting), ended(DisconnectCause.NoAnswer));
        assertThat(events.all()).filteredOn(e -> e instanceof CallStateEvent c && c.name() == ConnectionState.Disconnected).hasSize(1);
        assertTheServerSawExactlyTheScript();
    }

    @Test
    void ring_no_answer_disconnects_NoAnswer_and_the_connector_pauses_the_member_with_reason_RONA() {
        play("ring-no-answer.ami");

        ready();

        events.awaitSequence(0, WAIT, call(ConnectionState.Offering), ended(DisconnectCause.NoAnswer), agent(AgentState.NotReady, "RONA"));
        assertTheServerSawExactlyTheScript();
    }

    @Test
    void not_ready_with_a_reason_pauses_the_member_and_ready_unpauses_it() {
        play("queue-pause.ami");
        loggedIn();

        accepted(new AgentNotReady("Break", null));
        events.awaitSequence(0, WAIT, agent(AgentState.NotReady, "Break"));
        accepted(new AgentReady(null));

        AgentStateEvent ready = (AgentStateEvent) events.awaitSequence(0, WAIT, agent(AgentState.NotReady, "Break"),
                agent(AgentState.Ready, null)).get(1);
        assertThat(ready.previous()).isEqualTo(AgentState.NotReady);
        assertTheServerSawExactlyTheScript();
    }

    @Test
    void phone_signalled_hold_moves_the_call_to_Held_and_back_and_the_customers_hold_changes_only_the_parties() {
        play("hold-unhold.ami");

        ready();

        events.awaitSequence(0, WAIT, call(ConnectionState.Established), call(ConnectionState.Held), call(ConnectionState.Established),
                expect(PartyInfoEvent.class, "customer Held", e -> e.parties().stream()
                        .anyMatch(p -> p.dn().equals("0612345678") && p.state() == ConnectionState.Held)),
                expect(PartyInfoEvent.class, "customer back", e -> e.parties().stream()
                        .anyMatch(p -> p.dn().equals("0612345678") && p.state() == ConnectionState.Established)));
        assertThat(events.all()).filteredOn(e -> e instanceof CallStateEvent c && c.name() == ConnectionState.Held).hasSize(1);
        assertTheServerSawExactlyTheScript();
    }

    @Test
    void blind_transfer_sends_BlindTransfer_and_leaves_the_agent_Transferred() {
        play("blind-transfer.ami");
        ready();
        CallStateEvent established = (CallStateEvent) events.awaitSequence(0, WAIT, call(ConnectionState.Established)).getFirst();

        accepted(new BlindTransfer(established.callId(), "5002", null));

        events.awaitSequence(0, WAIT, ended(DisconnectCause.Transferred));
        assertThat(events.all()).filteredOn(e -> e instanceof CallStateEvent c && c.name() == ConnectionState.Disconnected).hasSize(1);
        assertTheServerSawExactlyTheScript();
    }

    @Test
    void attended_transfer_sends_Atxfer_and_leaves_the_agent_Transferred() {
        play("attended-transfer.ami");
        ready();
        CallStateEvent established = (CallStateEvent) events.awaitSequence(0, WAIT, call(ConnectionState.Established)).getFirst();

        accepted(new TransferInitiate(established.callId(), "5002", null));

        events.awaitSequence(0, WAIT, ended(DisconnectCause.Transferred));
        assertThat(events.all()).filteredOn(e -> e instanceof CallStateEvent c && c.name() == ConnectionState.Disconnected).hasSize(1);
        assertTheServerSawExactlyTheScript();
    }

    @Test
    void answer_and_hold_are_not_declared_and_are_refused_before_anything_is_sent() {
        play("queue-pause.ami");
        loggedIn();
        int sent = server.received().size();

        var refusal = connector.execute(new RequestId("r-1"), AGENT, new HoldCall(new CallId("c-1"))).toCompletableFuture();

        assertThat(connector.capabilities()).doesNotContain(org.opencti.model.state.Action.ANSWER_CALL, org.opencti.model.state.Action.HOLD_CALL);
        assertThat(refusal).failsWithin(WAIT).withThrowableThat().havingCause().isInstanceOf(CtiException.class);
        assertThat(server.received()).hasSize(sent);
    }

    @Test
    void a_silent_link_is_noticed_by_Ping_within_two_intervals_and_requests_then_fail_with_LINK_DOWN() {
        play("queue-pause.ami");
        loggedIn();
        int mark = events.mark();

        server.goSilent();
        for (int second = 0; second < 6; second++) time.advance(Duration.ofSeconds(1));

        events.awaitSequence(mark, WAIT, expect(LinkStateEvent.class, "Disconnected", e -> e.name() == LinkState.Disconnected));
        var refused = connector.execute(new RequestId("r-2"), AGENT, new AgentNotReady("Break", null)).toCompletableFuture();
        assertThat(refused).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(CtiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPENCTI_LINK_DOWN));
    }

    @Test
    void after_a_drop_the_connector_reconnects_on_its_backoff_and_publishes_Connected_and_a_rebuilt_snapshot() {
        play("queue-pause.ami");
        loggedIn();
        int mark = events.mark();

        server.dropAll();
        events.awaitSequence(mark, WAIT, expect(LinkStateEvent.class, "Disconnected", e -> e.name() == LinkState.Disconnected));
        server.accept();
        for (int step = 0; step < 60 && events.poll(mark, expect(LinkStateEvent.class, "Connected",
                e -> e.name() == LinkState.Connected), Duration.ofMillis(100)).isEmpty(); step++)
            time.advance(Duration.ofSeconds(1));

        events.awaitSequence(mark, WAIT, expect(LinkStateEvent.class, "Connected", e -> e.name() == LinkState.Connected),
                expect(org.opencti.model.event.SnapshotEvent.class, "snapshot NotReady login",
                        e -> e.agent().state() == AgentState.NotReady && "login".equals(e.agent().reasonCode())));
        assertThat(server.logins()).isEqualTo(2);
        assertThat(server.received()).extracting(a -> a.get("action")).contains("CoreShowChannels", "QueueStatus");
    }
}
