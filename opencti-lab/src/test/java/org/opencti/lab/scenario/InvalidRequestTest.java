package org.opencti.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencti.lab.LabSnapshot;
import org.opencti.lab.protocol.XmlElement;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.LabFixture;

/** Every service sent in a state where it is invalid: the right CSTAErrorCode, and nothing changes. */
class InvalidRequestTest extends LabFixture {

    enum State { RINGING, CONNECTED, HELD, IDLE }

    record Case(State state, String service, Function<String, String> request, String category, String value) {
        @Override
        public String toString() {
            return service + " while " + state.name().toLowerCase() + " -> " + category + "/" + value;
        }
    }

    private static final String STATE = "stateIncompatibility";
    private static final String OP = "operation";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(State.RINGING, "HoldCall", id -> Csta.hold(id, "5001"), STATE, "invalidObjectState"),
                new Case(State.RINGING, "RetrieveCall", id -> Csta.retrieve(id, "5001"), STATE, "invalidObjectState"),
                new Case(State.RINGING, "GenerateDigits", id -> Csta.generateDigits(id, "5001", "1"), STATE, "invalidObjectState"),
                new Case(State.RINGING, "SingleStepTransferCall", id -> Csta.singleStepTransfer(id, "5001", "5002"), STATE, "invalidObjectState"),
                new Case(State.RINGING, "ConsultationCall", id -> Csta.consult(id, "5001", "5002", null), STATE, "invalidObjectState"),
                new Case(State.RINGING, "AnswerCall by the caller", id -> Csta.answer(id, CUSTOMER), STATE, "invalidObjectState"),
                new Case(State.RINGING, "AnswerCall at another device", id -> Csta.answer(id, "5002"), OP, "invalidConnectionID"),
                new Case(State.RINGING, "AnswerCall of an unknown call", id -> Csta.answer("999", "5001"), OP, "invalidCallID"),
                new Case(State.RINGING, "ClearConnection of the queue", id -> Csta.clearConnection(id, "8001"), OP, "invalidConnectionID"),
                new Case(State.RINGING, "TransferCall of one call with itself", id -> Csta.transfer(id, id, "5001"), OP, "invalidCallID"),
                new Case(State.CONNECTED, "AnswerCall", id -> Csta.answer(id, "5001"), STATE, "invalidObjectState"),
                new Case(State.CONNECTED, "RetrieveCall", id -> Csta.retrieve(id, "5001"), STATE, "invalidObjectState"),
                new Case(State.CONNECTED, "DeflectCall", id -> Csta.deflect(id, "5001", "5002"), STATE, "invalidObjectState"),
                new Case(State.CONNECTED, "ReconnectCall without a held call", id -> Csta.reconnect(id, "999", "5001"), STATE, "invalidObjectState"),
                new Case(State.CONNECTED, "ConsultationCall to itself", id -> Csta.consult(id, "5001", "5001", null), OP, "invalidDestination"),
                new Case(State.CONNECTED, "ConsultationCall to nowhere", id -> Csta.consult(id, "5001", "123", null), OP, "invalidDestination"),
                new Case(State.CONNECTED, "ConsultationCall with bad options", id -> Csta.consult(id, "5001", "5002", "sometimes"), OP, "valueOutOfRange"),
                new Case(State.CONNECTED, "SingleStepTransferCall to a party", id -> Csta.singleStepTransfer(id, "5001", CUSTOMER), OP, "invalidDestination"),
                new Case(State.CONNECTED, "AlternateCall without a held call", id -> Csta.alternate(id, "999", "5001"), STATE, "invalidObjectState"),
                new Case(State.CONNECTED, "SetAgentState workingAfterCall while busy", id -> Csta.agentState("5001", "workingAfterCall", null), STATE, "invalidObjectState"),
                new Case(State.CONNECTED, "MakeCall from a queue", id -> Csta.makeCall("8001", "5002"), OP, "invalidCallingDevice"),
                new Case(State.HELD, "HoldCall", id -> Csta.hold(id, "5001"), STATE, "invalidObjectState"),
                new Case(State.HELD, "GenerateDigits", id -> Csta.generateDigits(id, "5001", "1"), STATE, "invalidObjectState"),
                new Case(State.HELD, "TransferCall without an active call", id -> Csta.transfer(id, "999", "5001"), OP, "invalidCallID"),
                new Case(State.HELD, "ConferenceCall without an active call", id -> Csta.conference(id, "999", "5001"), OP, "invalidCallID"),
                new Case(State.HELD, "TransferCall with no other party", id -> Csta.transfer(id, id, "5001"), OP, "invalidCallID"),
                new Case(State.IDLE, "SetAgentState with nobody logged on", id -> Csta.agentState("5002", "ready", null), STATE, "invalidObjectState"),
                new Case(State.IDLE, "SetAgentState with an unknown reason", id -> Csta.agentState("5001", "notReady", "Nap"), OP, "valueOutOfRange"),
                new Case(State.IDLE, "SetAgentState with an unknown state", id -> Csta.agentState("5001", "sleeping", null), OP, "valueOutOfRange"),
                new Case(State.IDLE, "logon of an unknown agent", id -> Csta.logOn("5002", "9999", DEMO_HEX), OP, "invalidAgentID"),
                new Case(State.IDLE, "logon at a queue device", id -> Csta.logOn("8001", "1002", DEMO_HEX), OP, "invalidDeviceID"),
                new Case(State.IDLE, "logon with a password that is not hex", id -> Csta.logOn("5002", "1002", "demo"), OP, "invalidAgentPassword"),
                new Case(State.IDLE, "logon at a device in use", id -> Csta.logOn("5001", "1002", DEMO_HEX), STATE, "invalidObjectState"),
                new Case(State.IDLE, "MonitorStop of an unknown monitor", id -> Csta.monitorStop("999"), OP, "invalidCrossRefID"),
                new Case(State.IDLE, "MonitorStart of a non-device", id -> Csta.monitorStart("abc"), OP, "invalidDeviceID"),
                new Case(State.IDLE, "SnapshotCall of an unknown call", id -> Csta.snapshotCall("999"), OP, "invalidCallID"),
                new Case(State.IDLE, "SnapshotDevice of a non-device", id -> Csta.snapshotDevice("x1"), OP, "invalidDeviceID"),
                new Case(State.IDLE, "ClearCall of an unknown call", id -> Csta.clearCall("999"), OP, "invalidCallID"),
                new Case(State.IDLE, "ClearConnection of an unknown call", id -> Csta.clearConnection("999", "5001"), OP, "invalidCallID"),
                new Case(State.IDLE, "MakeCall to an unknown number", id -> Csta.makeCall("5001", "42"), OP, "invalidDestination"),
                new Case(State.IDLE, "AssociateData on an unknown call", id -> Csta.associateData("999", "5001", java.util.Map.of("a", "b")), OP, "invalidCallID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void an_invalid_request_is_refused_with_its_error_and_changes_nothing(Case invalid) {
        String callId = arrange(invalid.state());
        LabSnapshot before = lab.snapshot();

        XmlElement error = client.error(invalid.request().apply(callId), invalid.category(), invalid.value());

        assertThat(text(error, "message")).isNotBlank();
        assertThat(lab.snapshot()).isEqualTo(before);
    }

    private String arrange(State state) {
        String agent = readyAgent("1001", "5001");
        return switch (state) {
            case IDLE -> "none";
            case RINGING -> {
                String callId = customerCalls(CUSTOMER, "8001");
                client.await(agent, "AgentBusyEvent");
                yield callId;
            }
            case CONNECTED -> answeredAcdCall(agent);
            case HELD -> {
                String callId = answeredAcdCall(agent);
                client.ok(Csta.hold(callId, "5001"));
                client.next(agent, "HeldEvent");
                yield callId;
            }
        };
    }
}
