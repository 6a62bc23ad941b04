package org.opencti.connector.csta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.connector.spi.Accepted;
import org.opencti.connector.spi.ConnectorConfig;
import org.opencti.connector.spi.ConnectorLoader;
import org.opencti.connector.spi.RequestId;
import org.opencti.connector.spi.contract.ContractSubject;
import org.opencti.model.AgentId;
import org.opencti.model.AgentState;
import org.opencti.model.CallId;
import org.opencti.model.ConnectionState;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.LinkState;
import org.opencti.model.event.AgentStateEvent;
import org.opencti.model.event.CallStateEvent;
import org.opencti.model.json.CtiJson;
import org.opencti.model.request.AgentReady;
import org.opencti.model.request.AnswerCall;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.request.HoldCall;
import org.opencti.model.request.Login;
import org.opencti.model.request.MakeCall;
import org.opencti.model.request.SendDTMF;
import org.opencti.model.request.TransferInitiate;

/** Requests with bad arguments or in a state that forbids them are refused before a byte goes to the switch. */
class CstaConnectorRefusalTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private LabFarSide lab;
    private ContractSubject subject;
    private final AgentId agent = new AgentId("1001");

    @BeforeEach
    void start() throws Exception {
        lab = new LabFarSide();
        subject = ContractSubject.start(lab, () -> ConnectorLoader.create(new ConnectorConfig("csta", Map.of(
                "host", "127.0.0.1", "port", String.valueOf(lab.connectorPort()), "sessionDuration", "30", "heartbeat", "60"))));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (subject.connector().linkState() != LinkState.Connected && System.nanoTime() < deadline) Thread.onSpinWait();
        execute(new Login(agent, "demo", "5001", null));
        execute(new AgentReady(null));
        subject.events().awaitFirst(AgentStateEvent.class, e -> e.name() == AgentState.Ready, WAIT);
    }

    @AfterEach
    void stop() { subject.close(); }

    private Accepted execute(CtiRequest request) throws Exception {
        return subject.connector().execute(new RequestId("r-1"), agent, request).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private CtiException refusal(CtiRequest request) {
        CompletionStage<Accepted> stage = subject.connector().execute(new RequestId("r-2"), agent, request);
        try {
            stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
            throw new AssertionError(request + " was accepted");
        } catch (ExecutionException e) {
            return (CtiException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bad_arguments_and_forbidden_states_are_refused_before_anything_is_sent() throws Exception {
        lab.placeCustomerCall("0612345007", "8001", Map.of());
        CallId call = subject.events().awaitFirst(CallStateEvent.class, e -> e.name() == ConnectionState.Offering, WAIT).callId();
        execute(new AnswerCall(call));
        subject.events().awaitFirst(CallStateEvent.class, e -> e.name() == ConnectionState.Established, WAIT);
        List<String> sentBefore = lab.proxy.sentServices();

        assertThatThrownBy(() -> CtiJson.parseRequest("{\"type\":\"holdCall\",\"callId\":\"  \"}"))
                .isInstanceOfSatisfying(CtiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPENCTI_BAD_REQUEST));
        assertThat(refusal(new HoldCall(new CallId("no-such-call"))).code()).isEqualTo(ErrorCode.OPENCTI_UNKNOWN_CALL);
        assertThat(refusal(new MakeCall("12#4", null))).hasMessageContaining("'12#4'")
                .extracting(CtiException::code).isEqualTo(ErrorCode.OPENCTI_CF_INVALID_DESTINATION);
        assertThat(refusal(new TransferInitiate(call, "5*02", null)).code()).isEqualTo(ErrorCode.OPENCTI_CF_INVALID_DESTINATION);
        assertThat(refusal(new SendDTMF(call, "1".repeat(40)))).hasMessageContaining("1 to 32")
                .extracting(CtiException::code).isEqualTo(ErrorCode.OPENCTI_BAD_REQUEST);
        assertThat(refusal(new AnswerCall(call)).code()).isEqualTo(ErrorCode.OPENCTI_CF_INVALID_OBJECT_STATE);

        assertThat(lab.proxy.sentServices()).isEqualTo(sentBefore);
    }

    @Test
    void keep_alive_goes_at_a_third_of_the_session_and_the_switchs_SystemStatus_is_answered() {
        subject.connectorTime().advance(Duration.ofSeconds(10));
        lab.lab.sendSystemStatus("normal");

        awaitSent("ResetApplicationSessionTimer");
        awaitSent("SystemStatusResponse");
    }

    private void awaitSent(String service) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!lab.proxy.sentServices().contains(service)) {
            if (System.nanoTime() > deadline) throw new AssertionError(service + " not sent; sent: " + lab.proxy.sentServices());
            Thread.onSpinWait();
        }
    }
}
