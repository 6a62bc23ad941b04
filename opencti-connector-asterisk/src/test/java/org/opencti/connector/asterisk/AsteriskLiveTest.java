package org.opencti.connector.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.connector.spi.contract.EventRecorder.expect;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.opencti.connector.spi.Accepted;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.CtiConnector;
import org.opencti.connector.spi.RequestId;
import org.opencti.connector.spi.contract.EventRecorder;
import org.opencti.connector.spi.time.SystemScheduler;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.DisconnectCause;
import org.opencti.model.LinkState;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.request.*;

/**
 * The agent-side scenarios of {@link AsteriskScenarioTest} against a real Asterisk, on real time. Runs only with
 * {@code -Plive} and {@code OPENCTI_ASTERISK_HOST} set; see {@code docs/asterisk.md} for every variable. Dial
 * scenarios also need {@code OPENCTI_ASTERISK_ANSWERING}, {@code _BUSY} or {@code _NO_ANSWER} numbers and a phone at
 * the extension that auto-answers Originate.
 */
@EnabledIfEnvironmentVariable(named = "OPENCTI_ASTERISK_HOST", matches = ".+")
class AsteriskLiveTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final SystemScheduler time = new SystemScheduler("asterisk-live");
    private final EventRecorder events = new EventRecorder(time);
    private final AgentId agent = new AgentId(env("OPENCTI_ASTERISK_AGENT", "1001"));
    private final String extension = env("OPENCTI_ASTERISK_EXTENSION", "5001");
    private CtiConnector connector;

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    @BeforeEach
    void connect() throws InterruptedException {
        connector = ConnectorLoader.create(new ConnectorConfig("asterisk-ami", Map.of(
                "host", env("OPENCTI_ASTERISK_HOST", "localhost"), "port", env("OPENCTI_ASTERISK_PORT", "5038"),
                "username", env("OPENCTI_ASTERISK_USERNAME", "opencti"), "secret", env("OPENCTI_ASTERISK_SECRET", ""),
                "technology", env("OPENCTI_ASTERISK_TECHNOLOGY", "PJSIP"), "queues", env("OPENCTI_ASTERISK_QUEUES", "8001=sales"),
                "context", env("OPENCTI_ASTERISK_CONTEXT", "from-internal"))));
        connector.start(events);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (connector.linkState() != LinkState.Connected && System.nanoTime() < deadline) Thread.sleep(50); // real host, real time
        assertThat(connector.linkState()).as("AMI login to the live Asterisk").isEqualTo(LinkState.Connected);
        int mark = events.mark();
        accepted(new Login(agent, "unused", extension, null));
        events.awaitSequence(mark, WAIT, state(AgentState.NotReady, "login"));
    }

    @AfterEach
    void disconnect() {
        try {
            accepted(new Logout(null));
        } finally {
            connector.close();
            time.close();
        }
    }

    private Accepted accepted(CtiRequest request) {
        return connector.execute(new RequestId("live-" + System.nanoTime()), agent, request).toCompletableFuture()
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    private static EventRecorder.Expected<AgentStateEvent> state(AgentState state, String reason) {
        return expect(AgentStateEvent.class, state + " " + reason, e -> e.name() == state && (reason == null || reason.equals(e.reasonCode())));
    }

    @Test
    void queue_pause_with_a_reason_then_ready() {
        int mark = events.mark();

        accepted(new AgentNotReady("Break", null));
        accepted(new AgentReady(null));

        events.awaitSequence(mark, WAIT, state(AgentState.NotReady, "Break"), state(AgentState.Ready, null));
    }

    private void dial(String variable, DisconnectCause expected) {
        String number = System.getenv(variable);
        Assumptions.assumeTrue(number != null && !number.isBlank(), variable + " names no number to dial");
        int mark = events.mark();

        CallId call = accepted(new MakeCall(number, null)).callId();

        events.awaitSequence(mark, WAIT, expect(CallStateEvent.class, "Initiated", e -> e.callId().equals(call) && e.name() == ConnectionState.Initiated));
        if (expected == null) {
            events.awaitSequence(mark, Duration.ofSeconds(60), expect(CallStateEvent.class, "Established",
                    e -> e.callId().equals(call) && e.name() == ConnectionState.Established));
            accepted(new HangUpCall(call));
            expected = DisconnectCause.Normal;
        }
        DisconnectCause cause = expected;
        events.awaitSequence(mark, Duration.ofSeconds(90), expect(CallStateEvent.class, "Disconnected " + cause,
                e -> e.callId().equals(call) && e.name() == ConnectionState.Disconnected && e.cause() == cause));
    }

    @Test
    void simple_dial() { dial("OPENCTI_ASTERISK_ANSWERING", null); }

    @Test
    void busy() { dial("OPENCTI_ASTERISK_BUSY", DisconnectCause.Busy); }

    @Test
    void no_answer() { dial("OPENCTI_ASTERISK_NO_ANSWER", DisconnectCause.NoAnswer); }
}
