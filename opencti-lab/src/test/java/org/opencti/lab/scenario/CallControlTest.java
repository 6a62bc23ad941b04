package org.opencti.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.pbx.ConnectionState;
import org.opencti.lab.protocol.XmlElement;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.LabFixture;

class CallControlTest extends LabFixture {

    @Test
    void hold_and_retrieve_are_seen_by_both_parties() {
        String agent = readyAgent("1001", "5001");
        String customer = client.monitor(CUSTOMER);
        String callId = answeredAcdCall(agent);

        client.ok(Csta.hold(callId, "5001"));
        XmlElement held = client.next(agent, "HeldEvent");
        assertThat(text(held, "localConnectionInfo")).isEqualTo("hold");
        assertThat(text(client.await(customer, "HeldEvent"), "localConnectionInfo")).isEqualTo("connected");
        client.ok(Csta.retrieve(callId, "5001"));

        assertThat(text(client.next(agent, "RetrievedEvent"), "localConnectionInfo")).isEqualTo("connected");
        assertThat(lab.call(callId).orElseThrow().stateOf("5001")).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void consultation_then_transfer_keeps_the_held_call_id_and_is_seen_at_all_three_devices() {
        String a = readyAgent("1001", "5001");
        String b = client.monitor("5002");
        String c = client.monitor(CUSTOMER);
        String callId = answeredAcdCall(a);
        client.ok(Csta.associateData(callId, "5001", Map.of("accountId", "A-1001")));

        String consultId = client.ok(Csta.consult(callId, "5001", "5002", "transferOnly"))
                .text("initiatedCall", "callID").orElseThrow();
        XmlElement ringing = client.next(b, "DeliveredEvent");
        assertThat(text(ringing, "cause")).isEqualTo("consultation");
        assertThat(callDataItem(ringing, "accountId")).as("call data seen while ringing").contains("A-1001");
        client.ok(Csta.answer(consultId, "5002"));
        client.next(b, "EstablishedEvent");
        XmlElement response = client.ok(Csta.transfer(callId, consultId, "5001"));

        assertThat(text(response, "transferredCall", "callID")).isEqualTo(callId);
        for (String monitor : List.of(a, b, c)) {
            XmlElement transferred = client.await(monitor, "TransferedEvent");
            assertThat(text(transferred, "primaryOldCall", "callID")).isEqualTo(callId);
            assertThat(text(transferred, "secondaryOldCall", "callID")).isEqualTo(consultId);
            assertThat(text(transferred, "transferringDevice", "deviceIdentifier")).isEqualTo("5001");
            assertThat(text(transferred, "transferredToDevice", "deviceIdentifier")).isEqualTo("5002");
            assertThat(callDataItem(transferred, "accountId")).contains("A-1001");
            List<XmlElement> items = transferred.descendants("connectionListItem");
            assertThat(items).extracting(i -> text(i, "newConnection", "deviceID") + ":" + text(i, "newConnection", "callID")
                    + "<-" + text(i, "oldConnection", "callID")).containsExactlyInAnyOrder(
                    CUSTOMER + ":" + callId + "<-" + callId, "5002:" + callId + "<-" + consultId);
        }
        assertThat(lab.call(consultId)).isEmpty();
        assertThat(lab.call(callId).orElseThrow().parties()).extracting(p -> p.device())
                .containsExactlyInAnyOrder(CUSTOMER, "5002");
        assertThat(lab.call(callId).orElseThrow().callData()).containsEntry("accountId", "A-1001");
        assertThat(lab.agent("1001").state()).isEqualTo(AgentState.WORKING_AFTER_CALL);
    }

    @Test
    void the_transferred_connection_state_is_null_at_the_transferring_device_and_connected_at_the_others() {
        String a = readyAgent("1001", "5001");
        String b = client.monitor("5002");
        String callId = answeredAcdCall(a);
        String consultId = client.ok(Csta.consult(callId, "5001", "5002", null)).text("initiatedCall", "callID").orElseThrow();
        client.ok(Csta.answer(consultId, "5002"));

        client.ok(Csta.transfer(callId, consultId, "5001"));

        assertThat(text(client.await(a, "TransferedEvent"), "localConnectionInfo")).isEqualTo("null");
        assertThat(text(client.await(b, "TransferedEvent"), "localConnectionInfo")).isEqualTo("connected");
    }

    @Test
    void a_consultation_cancelled_with_reconnect_clears_the_consultation_and_retrieves_the_held_call() {
        String a = readyAgent("1001", "5001");
        String b = client.monitor("5002");
        String callId = answeredAcdCall(a);
        String consultId = client.ok(Csta.consult(callId, "5001", "5002", null)).text("initiatedCall", "callID").orElseThrow();
        client.ok(Csta.answer(consultId, "5002"));

        client.ok(Csta.reconnect(callId, consultId, "5001"));

        client.await(b, "ConnectionClearedEvent", e -> text(e, "droppedConnection", "deviceID").equals("5001"));
        client.next(b, "ConnectionClearedEvent");
        client.next(b, "CallClearedEvent");
        XmlElement retrieved = client.await(a, "RetrievedEvent");
        assertThat(text(retrieved, "retrievedConnection", "callID")).isEqualTo(callId);
        assertThat(lab.call(consultId)).isEmpty();
        assertThat(lab.call(callId).orElseThrow().stateOf("5001")).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void a_conference_joins_three_parties_and_one_can_be_dropped() {
        String a = readyAgent("1001", "5001");
        String b = client.monitor("5002");
        String callId = answeredAcdCall(a);
        String consultId = client.ok(Csta.consult(callId, "5001", "5002", "conferenceOnly")).text("initiatedCall", "callID").orElseThrow();
        client.ok(Csta.answer(consultId, "5002"));
        client.error(Csta.transfer(callId, consultId, "5001"), "stateIncompatibility", "invalidObjectState");

        XmlElement response = client.ok(Csta.conference(callId, consultId, "5001"));

        assertThat(text(response, "conferenceCall", "callID")).isEqualTo(callId);
        XmlElement conferenced = client.await(b, "ConferencedEvent");
        assertThat(text(conferenced, "addedParty", "deviceIdentifier")).isEqualTo("5002");
        assertThat(conferenced.descendants("connectionListItem")).hasSize(3);
        assertThat(lab.call(callId).orElseThrow().parties()).extracting(p -> p.state())
                .containsOnly(ConnectionState.CONNECTED).hasSize(3);

        client.ok(Csta.clearConnection(callId, "5002"));

        XmlElement dropped = client.await(a, "ConnectionClearedEvent");
        assertThat(text(dropped, "droppedConnection", "deviceID")).isEqualTo("5002");
        assertThat(lab.call(callId).orElseThrow().parties()).extracting(p -> p.device())
                .containsExactlyInAnyOrder(CUSTOMER, "5001");
    }

    @Test
    void a_single_step_transfer_moves_the_call_and_keeps_its_id_and_data() {
        String a = readyAgent("1001", "5001");
        String b = client.monitor("5002");
        String callId = answeredAcdCall(a);
        client.ok(Csta.associateData(callId, "5001", Map.of("accountId", "A-1001")));

        client.ok(Csta.singleStepTransfer(callId, "5001", "5002"));

        XmlElement transferred = client.await(a, "TransferedEvent");
        assertThat(text(transferred, "cause")).isEqualTo("singleStepTransfer");
        XmlElement delivered = client.await(b, "DeliveredEvent");
        assertThat(text(delivered, "connection", "callID")).isEqualTo(callId);
        assertThat(text(delivered, "lastRedirectionDevice", "deviceIdentifier")).isEqualTo("5001");
        assertThat(callDataItem(delivered, "accountId")).contains("A-1001");
    }

    @Test
    void deflecting_a_ringing_call_diverts_it_to_the_new_destination() {
        String a = readyAgent("1001", "5001");
        String b = client.monitor("5002");
        String callId = customerCalls(CUSTOMER, "8001");
        client.await(a, "DeliveredEvent");

        client.ok(Csta.deflect(callId, "5001", "5002"));

        XmlElement diverted = client.await(a, "DivertedEvent");
        assertThat(text(diverted, "cause")).isEqualTo("redirected");
        assertThat(text(diverted, "newDestination", "deviceIdentifier")).isEqualTo("5002");
        assertThat(text(client.await(b, "DeliveredEvent"), "cause")).isEqualTo("redirected");
        assertThat(lab.call(callId).orElseThrow().stateOf("5002")).isEqualTo(ConnectionState.ALERTING);
    }

    @Test
    void a_call_transferred_to_a_queue_dnis_waits_there_and_is_distributed() {
        String a = readyAgent("1001", "5001");
        String support = client.monitor("8002");
        String callId = answeredAcdCall(a);
        String b = readyAgent("1002", "5002");

        client.ok(Csta.singleStepTransfer(callId, "5001", "8002"));

        XmlElement queued = client.await(support, "QueuedEvent");
        assertThat(text(queued, "queuedConnection", "callID")).isEqualTo(callId);
        assertThat(text(queued, "cause")).isEqualTo("singleStepTransfer");
        XmlElement delivered = client.await(b, "DeliveredEvent");
        assertThat(text(delivered, "lastRedirectionDevice", "deviceIdentifier")).isEqualTo("8002");
        assertThat(text(delivered, "calledDevice", "deviceIdentifier")).isEqualTo("8001");
    }

    @Test
    void a_consultation_to_a_queue_then_transfer_puts_the_customer_in_that_queue() {
        String a = readyAgent("1001", "5001");
        String callId = answeredAcdCall(a);
        String consultId = client.ok(Csta.consult(callId, "5001", "8003", null)).text("initiatedCall", "callID").orElseThrow();

        client.ok(Csta.transfer(callId, consultId, "5001"));

        assertThat(lab.queue("billing").waitingCalls()).containsExactly(callId);
        assertThat(lab.call(callId).orElseThrow().stateOf("8003")).isEqualTo(ConnectionState.QUEUED);
    }

    @Test
    void dtmf_digits_are_sent_on_a_connected_call() {
        String a = readyAgent("1001", "5001");
        String callId = answeredAcdCall(a);

        client.ok(Csta.generateDigits(callId, "5001", "12#*"));
        client.ok(Csta.generateDigits(callId, "5001", "9"));

        assertThat(lab.call(callId).orElseThrow().digitsSent()).containsEntry("5001", "12#*9");
        client.error(Csta.generateDigits(callId, "5001", "12x"), "operation", "valueOutOfRange");
    }

    @Test
    void snapshots_mid_call_list_the_calls_of_a_device_and_the_parties_of_a_call() {
        String a = readyAgent("1001", "5001");
        String callId = answeredAcdCall(a);
        client.ok(Csta.associateData(callId, "5001", Map.of("accountId", "A-1001")));
        client.ok(Csta.hold(callId, "5001"));

        XmlElement device = client.ok(Csta.snapshotDevice("5001"));
        XmlElement call = client.ok(Csta.snapshotCall(callId));

        XmlElement info = device.descendants("snapshotDeviceResponseInfo").getFirst();
        assertThat(text(info, "connectionIdentifier", "callID")).isEqualTo(callId);
        assertThat(text(info, "localCallState", "compoundCallState", "localConnectionState")).isEqualTo("hold");
        assertThat(callDataItem(device, "accountId")).contains("A-1001");
        assertThat(call.descendants("snapshotCallResponseInfo")).extracting(
                i -> text(i, "deviceOnCall", "deviceIdentifier") + "=" + text(i, "localConnectionState"))
                .containsExactly(CUSTOMER + "=connected", "5001=hold");
        assertThat(text(call, "calledDevice", "deviceIdentifier")).isEqualTo("8001");
    }

    @Test
    void call_data_set_by_associate_data_is_announced_to_every_party() {
        String a = readyAgent("1001", "5001");
        String customer = client.monitor(CUSTOMER);
        String callId = answeredAcdCall(a);

        client.ok(Csta.associateData(callId, "5001", Map.of("accountId", "A-1001", "reason", "refund")));

        XmlElement information = client.await(customer, "CallInformationEvent");
        assertThat(callDataItem(information, "reason")).contains("refund");
        assertThat(lab.call(callId).orElseThrow().callData()).containsEntry("accountId", "A-1001");
    }
}
