package org.opencti.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.protocol.XmlElement;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.LabFixture;

class InboundAcdCallTest extends LabFixture {

    @Test
    void an_inbound_call_is_queued_distributed_answered_cleared_and_followed_by_wrap_time() {
        String agent = readyAgent("1001", "5001");
        String queue = client.monitor("8001");
        String customer = client.monitor(CUSTOMER);

        String callId = client.ok(Csta.makeCall(CUSTOMER, "8001", Map.of("accountId", "A-1001")))
                .text("callingDevice", "callID").orElseThrow();

        client.next(customer, "ServiceInitiatedEvent");
        client.next(customer, "OriginatedEvent");
        XmlElement queued = client.next(queue, "QueuedEvent");
        assertThat(text(queued, "queuedConnection", "deviceID")).isEqualTo("8001");
        assertThat(text(queued, "numberQueued")).isEqualTo("1");
        assertThat(text(queued, "cause")).isEqualTo("enteringDistribution");
        XmlElement delivered = client.next(agent, "DeliveredEvent");
        assertThat(text(delivered, "connection", "callID")).isEqualTo(callId);
        assertThat(text(delivered, "cause")).isEqualTo("distributed");
        assertThat(text(delivered, "calledDevice", "deviceIdentifier")).isEqualTo("8001");
        assertThat(text(delivered, "lastRedirectionDevice", "deviceIdentifier")).isEqualTo("8001");
        assertThat(text(delivered, "callingDevice", "deviceIdentifier")).isEqualTo(CUSTOMER);
        assertThat(text(delivered, "localConnectionInfo")).isEqualTo("alerting");
        assertThat(callDataItem(delivered, "accountId")).contains("A-1001");
        assertThat(text(client.next(agent, "AgentBusyEvent"), "acdGroup")).isEqualTo("8001");
        assertThat(text(client.next(queue, "DeliveredEvent"), "localConnectionInfo")).isEqualTo("null");

        client.ok(Csta.answer(callId, "5001"));
        XmlElement established = client.next(agent, "EstablishedEvent");
        assertThat(text(established, "cause")).isEqualTo("distributed");
        assertThat(callDataItem(established, "accountId")).contains("A-1001");
        client.ok(Csta.clearConnection(callId, CUSTOMER));

        XmlElement released = client.next(agent, "ConnectionClearedEvent");
        assertThat(text(released, "releasingDevice", "deviceIdentifier")).isEqualTo(CUSTOMER);
        assertThat(text(released, "localConnectionInfo")).isEqualTo("connected");
        assertThat(text(client.next(agent, "ConnectionClearedEvent"), "droppedConnection", "deviceID")).isEqualTo("5001");
        client.next(agent, "CallClearedEvent");
        assertThat(text(client.next(agent, "AgentWorkingAfterCallEvent"), "acdGroup")).isEqualTo("8001");
        assertThat(lab.agent("1001").state()).isEqualTo(AgentState.WORKING_AFTER_CALL);
        advance(29);
        assertThat(lab.agent("1001").state()).isEqualTo(AgentState.WORKING_AFTER_CALL);
        advance(1);
        client.next(agent, "AgentReadyEvent");
        assertThat(lab.agent("1001").state()).isEqualTo(AgentState.READY);
    }

    @Test
    void an_unanswered_offer_is_diverted_the_agent_made_not_ready_rona_and_the_call_requeued_at_the_head() {
        String agent = readyAgent("1001", "5001");
        String queue = client.monitor("8001");
        String first = customerCalls(CUSTOMER, "8001");
        client.await(agent, "AgentBusyEvent");
        String second = customerCalls("0612345014", "8001");
        client.await(queue, "QueuedEvent", e -> text(e, "queuedConnection", "callID").equals(second));

        advance(15);

        XmlElement diverted = client.next(agent, "DivertedEvent");
        assertThat(text(diverted, "cause")).isEqualTo("callNotAnswered");
        assertThat(text(diverted, "newDestination", "deviceIdentifier")).isEqualTo("8001");
        XmlElement notReady = client.next(agent, "AgentNotReadyEvent");
        assertThat(callDataItem(notReady, "x")).isEmpty();
        assertThat(text(notReady, "extensions", "privateData", "private", "reasonCode")).isEqualTo("RONA");
        XmlElement requeued = client.await(queue, "QueuedEvent", e -> text(e, "queuedConnection", "callID").equals(first));
        assertThat(text(requeued, "cause")).isEqualTo("callNotAnswered");
        assertThat(lab.queue("sales").waitingCalls()).containsExactly(first, second);
        assertThat(lab.agent("1001").reasonCode()).contains("RONA");
    }

    @Test
    void the_requeued_call_goes_to_the_next_ready_agent() {
        String first = readyAgent("1001", "5001");
        String secondAgent = readyAgent("1002", "5002");
        String callId = customerCalls(CUSTOMER, "8001");
        client.await(first, "AgentBusyEvent");

        advance(15);

        XmlElement delivered = client.await(secondAgent, "DeliveredEvent");
        assertThat(text(delivered, "connection", "callID")).isEqualTo(callId);
        assertThat(lab.agent("1001").state()).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void a_caller_abandons_in_queue_after_its_patience() {
        String queue = client.monitor("8001");
        String callId = lab.placeCall(ScriptedCall.from(CUSTOMER, "8001").abandoningAfter(java.time.Duration.ofSeconds(40)));
        client.next(queue, "QueuedEvent");

        advance(39);
        assertThat(lab.queue("sales").waitingCalls()).containsExactly(callId);
        advance(1);

        XmlElement cleared = client.next(queue, "ConnectionClearedEvent");
        assertThat(text(cleared, "droppedConnection", "deviceID")).isEqualTo(CUSTOMER);
        client.next(queue, "ConnectionClearedEvent");
        client.next(queue, "CallClearedEvent");
        assertThat(lab.call(callId)).isEmpty();
        assertThat(lab.queue("sales").waitingCalls()).isEmpty();
    }

    @Test
    void the_longest_idle_ready_agent_gets_the_call() {
        String later = readyAgent("1002", "5002");
        advance(5);
        String earlier = readyAgent("1001", "5001");

        customerCalls(CUSTOMER, "8001");

        client.await(later, "DeliveredEvent");
        assertThat(client.pendingEvents(earlier)).isEmpty();
    }
}
