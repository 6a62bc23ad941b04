package org.opencti.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.config.PbxConfig;
import org.opencti.lab.protocol.XmlElement;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;
import org.opencti.lab.support.LabFixture;

class SwitchBehaviourTest extends LabFixture {

    @Test
    void an_internal_call_nobody_answers_fails_after_30_seconds_and_is_cleared() {
        String caller = client.monitor("5001");
        String callId = client.ok(Csta.makeCall("5001", "5002")).text("callingDevice", "callID").orElseThrow();

        advance(29);
        assertThat(lab.call(callId)).isPresent();
        advance(1);

        XmlElement failed = client.await(caller, "FailedEvent");
        assertThat(text(failed, "cause")).isEqualTo("callNotAnswered");
        assertThat(text(client.await(caller, "CallClearedEvent"), "cause")).isEqualTo("callNotAnswered");
        assertThat(lab.call(callId)).isEmpty();
    }

    @Test
    void a_busy_extension_gets_call_waiting_by_default_and_busy_when_configured() {
        client.ok(Csta.makeCall("5001", "5002"));
        String waiting = client.ok(Csta.makeCall("5003", "5002")).text("callingDevice", "callID").orElseThrow();
        assertThat(lab.call(waiting)).isPresent();

        VirtualClock clock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
        LabConfig busyConfig = LabConfig.demo().withPbx(new PbxConfig(30, PbxConfig.BusyExtension.BUSY));
        try (ContactCentreLab busyLab = ContactCentreLab.create(busyConfig, clock, 1)) {
            busyLab.start();
            try (CstaTestClient other = CstaTestClient.connect(busyLab.cstaPort())) {
                String monitor = other.monitor("5003");
                other.ok(Csta.makeCall("5001", "5002"));
                String refused = other.ok(Csta.makeCall("5003", "5002")).text("callingDevice", "callID").orElseThrow();

                assertThat(text(other.await(monitor, "FailedEvent"), "cause")).isEqualTo("busy");
                assertThat(busyLab.call(refused)).isEmpty();
            }
        }
    }

    @Test
    void queue_monitors_see_the_call_queued_distributed_and_an_abandon_and_events_name_the_queue() {
        String queue = client.monitor("8001");
        String agent = readyAgent("1001", "5001");
        String first = customerCalls(CUSTOMER, "8001");
        lab.placeCall(ScriptedCall.from("0612345014", "8001").abandoningAfter(Duration.ofSeconds(10)));

        XmlElement queued = client.next(queue, "QueuedEvent");
        XmlElement distributed = client.next(queue, "DeliveredEvent");
        client.next(queue, "QueuedEvent");
        advance(10);

        assertThat(text(queued, "extensions", "privateData", "private", "queue")).isEqualTo("sales");
        assertThat(text(distributed, "cause")).isEqualTo("distributed");
        assertThat(text(client.next(queue, "ConnectionClearedEvent"), "droppedConnection", "deviceID")).isEqualTo("0612345014");
        assertThat(text(client.await(agent, "AgentBusyEvent"), "extensions", "privateData", "private", "queue")).isEqualTo("sales");
        assertThat(lab.queue("sales").statistics().abandoned()).isEqualTo(1);
        assertThat(lab.call(first)).isPresent();
    }

    @Test
    void the_transfer_merge_map_forgets_a_call_once_it_clears() {
        String agent = readyAgent("1001", "5001");
        String callId = answeredAcdCall(agent);
        String consult = client.ok(Csta.consult(callId, "5001", "5002", null)).text("initiatedCall", "callID").orElseThrow();
        client.ok(Csta.answer(consult, "5002"));
        client.ok(Csta.transfer(callId, consult, "5001"));
        assertThat(lab.health().mergedCallIds()).isEqualTo(1);

        client.ok(Csta.clearConnection(callId, CUSTOMER));

        assertThat(lab.health().mergedCallIds()).isZero();
        assertThat(lab.health().problems(true)).isEmpty();
    }

    @Test
    void auto_in_agents_skip_after_call_work_and_the_work_mode_is_reported() {
        String agent = client.monitor("5001");
        client.ok(Csta.logOn("5001", "1001", DEMO_HEX));
        client.ok(Csta.service("SetAgentState", "<device>5001</device><requestedAgentState>ready</requestedAgentState>"
                + "<extensions><privateData><private><od:workMode xmlns:od=\"urn:opencti:csta:1\">autoIn</od:workMode>"
                + "</private></privateData></extensions>"));
        XmlElement ready = client.await(agent, "AgentReadyEvent");
        String callId = answeredAcdCall(agent);

        client.ok(Csta.clearConnection(callId, CUSTOMER));

        assertThat(text(ready, "extensions", "privateData", "private", "workMode")).isEqualTo("autoIn");
        client.await(agent, "CallClearedEvent");
        assertThat(client.next(agent, "AgentReadyEvent")).isNotNull();
        assertThat(lab.agent("1001").state()).isEqualTo(AgentState.READY);
        assertThat(text(client.ok(Csta.getAgentState("5001")), "extensions", "privateData", "private", "workMode")).isEqualTo("autoIn");
    }
}
