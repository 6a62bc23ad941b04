package org.opencti.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.protocol.XmlElement;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.LabFixture;

class OutboundCallTest extends LabFixture {

    @Test
    void a_busy_number_fails_at_once_and_the_call_is_cleared_with_cause_busy() {
        String agent = client.monitor("5001");

        String callId = client.ok(Csta.makeCall("5001", "0612340000")).text("callingDevice", "callID").orElseThrow();

        client.next(agent, "ServiceInitiatedEvent");
        client.next(agent, "OriginatedEvent");
        XmlElement failed = client.next(agent, "FailedEvent");
        assertThat(text(failed, "cause")).isEqualTo("busy");
        assertThat(text(failed, "failedConnection", "deviceID")).isEqualTo("0612340000");
        assertThat(text(client.next(agent, "ConnectionClearedEvent"), "cause")).isEqualTo("busy");
        assertThat(text(client.next(agent, "CallClearedEvent"), "cause")).isEqualTo("busy");
        assertThat(lab.call(callId)).isEmpty();
    }

    @Test
    void a_number_that_never_answers_fails_after_its_ring_time() {
        String agent = client.monitor("5001");
        String callId = client.ok(Csta.makeCall("5001", "0612349999")).text("callingDevice", "callID").orElseThrow();
        client.await(agent, "DeliveredEvent");

        advance(29);
        assertThat(lab.call(callId)).isPresent();
        advance(1);

        assertThat(text(client.next(agent, "FailedEvent"), "cause")).isEqualTo("callNotAnswered");
        client.next(agent, "ConnectionClearedEvent");
        client.next(agent, "CallClearedEvent");
        assertThat(lab.call(callId)).isEmpty();
    }

    @Test
    void an_answering_number_rings_for_two_seconds_then_answers() {
        String agent = readyAgent("1001", "5001");
        String callId = client.ok(Csta.makeCall("5001", "0612345678")).text("callingDevice", "callID").orElseThrow();
        client.next(agent, "ServiceInitiatedEvent");
        client.next(agent, "OriginatedEvent");
        XmlElement delivered = client.next(agent, "DeliveredEvent");
        assertThat(text(delivered, "alertingDevice", "deviceIdentifier")).isEqualTo("0612345678");
        assertThat(text(delivered, "localConnectionInfo")).isEqualTo("connected");
        client.next(agent, "AgentBusyEvent");

        advance(2);

        XmlElement established = client.next(agent, "EstablishedEvent");
        assertThat(text(established, "answeringDevice", "deviceIdentifier")).isEqualTo("0612345678");
        client.ok(Csta.clearConnection(callId, "5001"));
        client.await(agent, "CallClearedEvent");
        client.next(agent, "AgentReadyEvent");
        assertThat(lab.agent("1001").state()).as("no after-call work after a non-ACD call").isEqualTo(AgentState.READY);
    }

    @Test
    void an_external_party_can_be_driven_through_csta() {
        String customer = client.monitor("0612345678");
        String callId = client.ok(Csta.makeCall("5001", "0612345678")).text("callingDevice", "callID").orElseThrow();
        client.await(customer, "DeliveredEvent");

        client.ok(Csta.answer(callId, "0612345678"));
        client.next(customer, "EstablishedEvent");
        client.ok(Csta.clearConnection(callId, "0612345678"));

        XmlElement cleared = client.next(customer, "ConnectionClearedEvent");
        assertThat(text(cleared, "releasingDevice", "deviceIdentifier")).isEqualTo("0612345678");
        advance(2);
        assertThat(lab.call(callId)).isEmpty();
    }

    @Test
    void an_internal_call_rings_the_extension_and_is_answered() {
        String b = client.monitor("5002");
        String callId = client.ok(Csta.makeCall("5001", "5002")).text("callingDevice", "callID").orElseThrow();
        assertThat(text(client.next(b, "DeliveredEvent"), "cause")).isEqualTo("newCall");

        client.ok(Csta.answer(callId, "5002"));

        assertThat(text(client.next(b, "EstablishedEvent"), "localConnectionInfo")).isEqualTo("connected");
    }
}
