package org.opencti.lab.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;
import org.opencti.lab.support.LabFixture;

class ProtocolAbuseTest extends LabFixture {

    private static byte[] frame(String invokeId, String xml) {
        return Frame.of(invokeId, xml).encode();
    }

    @Test
    void garbage_bytes_close_only_that_connection() {
        try (CstaTestClient other = CstaTestClient.connect(lab.cstaPort())) {
            other.sendRaw("GET / HTTP/1.1\r\nHost: lab\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(other.awaitClosed()).isTrue();
        }
        assertThat(client.ok(Csta.snapshotDevice("5001")).name()).isEqualTo("SnapshotDeviceResponse");
    }

    @Test
    void a_length_below_the_header_closes_the_connection() {
        client.sendRaw(new byte[] {0, 0, 0, 4, '0', '0', '0', '1'});

        assertThat(client.awaitClosed()).isTrue();
    }

    @Test
    void a_huge_length_in_the_first_header_bytes_closes_the_connection() {
        client.sendRaw(new byte[] {0x7F, 0x00, 0x10, 0x00, '0', '0', '0', '1'});

        assertThat(client.awaitClosed()).isTrue();
    }

    @Test
    void a_maximum_length_frame_of_junk_gets_an_error_and_the_session_stays_up() {
        byte[] body = new byte[Frame.MAX_LENGTH - Frame.HEADER_LENGTH];
        Arrays.fill(body, (byte) 'x');

        client.sendRaw(new Frame("0042", body).encode());

        XmlElement error = client.response("0042");
        assertThat(error.name()).isEqualTo("CSTAErrorCode");
        assertThat(error.text("operation")).contains("generic");
        assertThat(error.text("message").orElseThrow()).startsWith("Malformed XML at line 1");
        assertThat(client.ok(Csta.snapshotDevice("5001")).name()).isEqualTo("SnapshotDeviceResponse");
    }

    @Test
    void a_frame_split_over_many_writes_is_reassembled() {
        byte[] bytes = frame("0077", Csta.snapshotDevice("5001"));

        client.sendRaw(Arrays.copyOfRange(bytes, 0, 3));
        client.sendRaw(Arrays.copyOfRange(bytes, 3, 20));
        client.sendRaw(Arrays.copyOfRange(bytes, 20, bytes.length));

        assertThat(client.response("0077").name()).isEqualTo("SnapshotDeviceResponse");
    }

    @Test
    void several_frames_in_one_write_are_all_served_in_order() {
        ByteArrayOutputStream merged = new ByteArrayOutputStream();
        merged.writeBytes(frame("0101", Csta.snapshotDevice("5001")));
        merged.writeBytes(frame("0102", "<Nonsense/>"));
        merged.writeBytes(frame("0103", Csta.getAgentState("5001")));

        client.sendRaw(merged.toByteArray());

        assertThat(client.response("0101").name()).isEqualTo("SnapshotDeviceResponse");
        assertThat(client.response("0102").text("message").orElseThrow()).startsWith("Unknown service 'Nonsense'");
        assertThat(client.response("0103").name()).isEqualTo("GetAgentStateResponse");
    }

    @Test
    void malformed_xml_gets_an_error_with_the_invoke_id_and_the_session_stays_up() {
        client.sendRaw(frame("0555", "<MakeCall><callingDevice>5001</MakeCall>"));

        XmlElement error = client.response("0555");

        assertThat(error.text("operation")).contains("generic");
        assertThat(error.text("message").orElseThrow()).contains("Malformed XML");
        assertThat(client.ok(Csta.snapshotDevice("5001")).name()).isEqualTo("SnapshotDeviceResponse");
    }

    @Test
    void unknown_elements_are_ignored() {
        String request = Csta.service("MakeCall", "<vendor:hint xmlns:vendor=\"urn:x\">fast</vendor:hint><callingDevice>5001</callingDevice>"
                + "<calledDirectoryNumber>5002</calledDirectoryNumber><mediaCallCharacteristics><mediaClass><voice>true</voice></mediaClass></mediaCallCharacteristics>");

        XmlElement response = client.ok(request);

        assertThat(response.text("callingDevice", "deviceID")).contains("5001");
    }

    @Test
    void a_request_in_the_ed3_namespace_is_served_and_answered_in_ed3() {
        String request = "<MakeCall xmlns=\"" + Csta.ED3 + "\"><callingDevice>5001</callingDevice>"
                + "<calledDirectoryNumber>5002</calledDirectoryNumber></MakeCall>";

        XmlElement response = client.ok(request);

        assertThat(response.namespace()).isEqualTo(Csta.ED3);
        String monitor = client.monitor("5002");
        assertThat(client.ok(Csta.snapshotDevice("5002")).namespace()).isEqualTo(Csta.ED4);
        assertThat(monitor).isNotBlank();
    }

    @Test
    void a_missing_mandatory_element_is_named_in_the_error() {
        XmlElement error = client.request(Csta.service("AnswerCall", ""));

        assertThat(error.text("operation")).contains("generic");
        assertThat(error.text("message").orElseThrow()).contains("Missing callToBeAnswered in AnswerCall");
    }

    @Test
    void an_application_session_starts_is_kept_alive_and_stops() {
        XmlElement started = client.ok(Csta.startSession(60));
        String sessionId = started.text("sessionID").orElseThrow();
        assertThat(started.text("actualProtocolVersion")).contains(Csta.ED4);
        assertThat(started.text("actualSessionDuration")).contains("60");

        XmlElement reset = client.ok("<ResetApplicationSessionTimer xmlns=\"" + Csta.SESSION + "\"><sessionID>" + sessionId
                + "</sessionID><requestedSessionDuration>60</requestedSessionDuration></ResetApplicationSessionTimer>");
        XmlElement wrong = client.request("<ResetApplicationSessionTimer xmlns=\"" + Csta.SESSION
                + "\"><sessionID>nope</sessionID></ResetApplicationSessionTimer>");
        XmlElement status = client.ok(Csta.service("SystemStatus", "<systemStatus>normal</systemStatus>"));
        XmlElement stopped = client.ok("<StopApplicationSession xmlns=\"" + Csta.SESSION + "\"><sessionID>" + sessionId
                + "</sessionID><sessionEndReason><appEndReason>normal</appEndReason></sessionEndReason></StopApplicationSession>");

        assertThat(reset.name()).isEqualTo("ResetApplicationSessionTimerPosResponse");
        assertThat(wrong.name()).isEqualTo("ResetApplicationSessionTimerNegResponse");
        assertThat(wrong.text("errorCode", "definedError")).contains("invalidSessionID");
        assertThat(status.name()).isEqualTo("SystemStatusResponse");
        assertThat(stopped.name()).isEqualTo("StopApplicationSessionPosResponse");
        assertThat(client.awaitClosed()).isTrue();
    }

    @Test
    void a_session_for_an_unsupported_protocol_is_refused() {
        XmlElement refused = client.request("<StartApplicationSession xmlns=\"" + Csta.SESSION + "\"><requestedProtocolVersions>"
                + "<protocolVersion>urn:csta:phase2</protocolVersion></requestedProtocolVersions></StartApplicationSession>");

        assertThat(refused.name()).isEqualTo("StartApplicationSessionNegResponse");
        assertThat(refused.text("errorCode", "definedError")).contains("requestedProtocolVersionNotSupported");
    }

    @Test
    void the_lab_sends_system_status_and_ignores_the_answer() {
        client.ok(Csta.snapshotDevice("5001")); // the lab has registered this connection once it answered
        lab.sendSystemStatus("normal");

        CstaTestClient.Received request = client.labRequest();
        client.sendRaw(frame(request.invokeId(), Csta.service("SystemStatusResponse", "")));

        assertThat(request.message().name()).isEqualTo("SystemStatus");
        assertThat(request.message().text("systemStatus")).contains("normal");
        assertThat(client.ok(Csta.snapshotDevice("5001")).name()).isEqualTo("SnapshotDeviceResponse");
    }

    @Test
    void dropping_connections_and_refusing_new_ones_simulates_link_loss_while_calls_carry_on() throws Exception {
        String callId = client.ok(Csta.makeCall("5001", "5002")).text("callingDevice", "callID").orElseThrow();

        lab.dropAllConnections();
        lab.refuseConnections(true);

        assertThat(client.labRequest().message().text("systemStatus")).contains("disabled");
        assertThat(client.awaitClosed()).isTrue();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), lab.cstaPort()).close())
                .isInstanceOf(java.net.ConnectException.class);
        lab.refuseConnections(false);
        try (CstaTestClient again = CstaTestClient.connect(lab.cstaPort())) {
            assertThat(again.ok(Csta.snapshotCall(callId)).descendants("snapshotCallResponseInfo")).hasSize(2);
        }
    }
}
