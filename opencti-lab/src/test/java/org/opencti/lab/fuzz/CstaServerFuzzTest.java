package org.opencti.lab.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencti.lab.LabSnapshot;
import org.opencti.lab.protocol.Frame;
import org.opencti.lab.protocol.XmlElement;
import org.opencti.lab.support.Csta;
import org.opencti.lab.support.CstaTestClient;
import org.opencti.lab.support.LabFixture;
import org.opencti.model.fuzz.FuzzRun;
import org.opencti.model.fuzz.XmlMutator;

/**
 * The lab's CSTA server under mutated and random requests over a real socket. Each mutated request (built from the
 * services the lab serves, aimed at a live call and a logged-on agent) gets an answer: a response, or a CSTAErrorCode
 * that is specific (never the catch-all "failed to serve"), and a refused request changes nothing (the lab's snapshot
 * is equal before and after). Damaged byte streams either get answers or close that one connection. After every
 * case the lab's invariants hold, and at the end a new client is served normally. Seed: see {@link FuzzRun}.
 */
class CstaServerFuzzTest extends LabFixture {
    private static final String CATCH_ALL = "failed to serve this request";

    @Test
    void mutated_requests_get_a_response_or_a_specific_error_and_a_refusal_changes_nothing() {
        FuzzRun run = FuzzRun.of(400);
        SplittableRandom random = run.random();
        String callId = liveCall();
        List<String> valid = requests(callId);
        XmlMutator mutator = new XmlMutator(random, valid);
        List<FuzzRun.Failure> failures = new ArrayList<>();
        CstaTestClient fuzzer = CstaTestClient.connect(lab.cstaPort());
        boolean sessionTouched = false;

        for (int i = 0; i < run.tries(); i++) {
            String xml = random.nextInt(8) == 0 ? mutator.randomText() : mutator.mutate(valid.get(random.nextInt(valid.size())));
            if (xml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Frame.MAX_LENGTH - Frame.HEADER_LENGTH) continue;
            LabSnapshot before = lab.snapshot();
            // An application session (started or stopped by a mutated request) may end this connection, by design.
            sessionTouched |= xml.contains("ApplicationSession");
            String problem = problemWith(fuzzer, xml, before, sessionTouched);
            if (problem != null) failures.add(new FuzzRun.Failure(i, xml, problem));
            lab.health().problems(false).forEach(p -> failures.add(new FuzzRun.Failure(-1, xml, "lab invariant broken: " + p)));
            if (fuzzer.isClosed()) {
                fuzzer.close();
                fuzzer = CstaTestClient.connect(lab.cstaPort());
                sessionTouched = false;
            }
        }
        fuzzer.close();

        assertThat(failures).as(() -> run.describe(failures)).isEmpty();
        assertThat(client.ok(Csta.snapshotDevice("5001")).name()).isEqualTo("SnapshotDeviceResponse");
    }

    @Test
    void damaged_byte_streams_are_answered_or_close_only_their_connection() {
        FuzzRun run = FuzzRun.of(60);
        SplittableRandom random = run.random();
        String callId = liveCall();
        List<String> valid = requests(callId);
        List<FuzzRun.Failure> failures = new ArrayList<>();

        for (int i = 0; i < run.tries(); i++) {
            byte[] bytes = damagedStream(valid, random);
            try (CstaTestClient victim = CstaTestClient.connect(lab.cstaPort())) {
                victim.sendRaw(bytes);
                // A frame that promises more bytes waits for them; a marker request on a clean connection shows the
                // lab is still serving while the damaged one is open.
                assertThat(client.ok(Csta.getAgentState("5001")).name()).isEqualTo("GetAgentStateResponse");
            } catch (RuntimeException | AssertionError e) {
                failures.add(new FuzzRun.Failure(i, HexFormat.of().formatHex(bytes), "lab stopped serving: " + e));
            }
            lab.health().problems(false).forEach(p -> failures.add(new FuzzRun.Failure(-1, "", "lab invariant broken: " + p)));
        }

        assertThat(failures).as(() -> run.describe(failures)).isEmpty();
        try (CstaTestClient fresh = CstaTestClient.connect(lab.cstaPort())) {
            // a damaged stream may still carry whole, valid requests (a ClearCall), so the call itself may be gone
            assertThat(fresh.ok(Csta.snapshotDevice("5001")).name()).isEqualTo("SnapshotDeviceResponse");
        }
    }

    @Test
    void an_error_quoting_a_huge_part_of_the_request_is_still_answered_within_one_frame() {
        String xml = "<?xml version=\"1.0\" encoding=\"" + "<d>".repeat(7000) + "\"?><SnapshotDevice/>";

        XmlElement error = client.request(xml);

        assertThat(error.name()).isEqualTo("CSTAErrorCode");
        assertThat(error.text("message").orElseThrow()).startsWith("Malformed XML").endsWith("characters in all)");
    }

    /** Null when the lab answered as it must, else what it did wrong. */
    private String problemWith(CstaTestClient fuzzer, String xml, LabSnapshot before, boolean sessionMayEnd) {
        XmlElement answer;
        try {
            answer = fuzzer.request(xml);
        } catch (AssertionError e) {
            return fuzzer.isClosed() ? (sessionMayEnd ? null : "connection closed instead of an answer: " + e.getMessage())
                    : "no answer: " + e.getMessage();
        }
        if (answer.name().equals("CSTAErrorCode") || answer.name().endsWith("NegResponse")) {
            String message = answer.text("message").orElse("");
            if (message.contains(CATCH_ALL)) return "catch-all error instead of a specific one: " + message;
            LabSnapshot after = lab.snapshot();
            if (!after.equals(before)) return "refused with " + answer + " but the lab changed:\n    before " + before + "\n    after  " + after;
        }
        return null;
    }

    /** Agent 1001 Ready at 5001 and talking to a customer; 1002 logged on at 5002. Returns the call id. */
    private String liveCall() {
        String monitor = readyAgent("1001", "5001");
        client.ok(Csta.logOn("5002", "1002", DEMO_HEX));
        return answeredAcdCall(monitor);
    }

    /** One request of every kind the lab serves, aimed at the live call, the agents and their devices. */
    private static List<String> requests(String callId) {
        return List.of(Csta.snapshotDevice("5001"), Csta.snapshotCall(callId), Csta.makeCall("5003", "5004"),
                Csta.makeCall(CUSTOMER, "8001", Map.of("accountId", "A-1001")), Csta.answer(callId, "5001"),
                Csta.clearConnection(callId, "5001"), Csta.clearCall(callId), Csta.hold(callId, "5001"),
                Csta.retrieve(callId, "5001"), Csta.alternate(callId, callId, "5001"),
                Csta.consult(callId, "5001", "5002", "transfer"), Csta.reconnect(callId, callId, "5001"),
                Csta.transfer(callId, callId, "5001"), Csta.conference(callId, callId, "5001"),
                Csta.singleStepTransfer(callId, "5001", "5002"), Csta.deflect(callId, "5001", "5002"),
                Csta.generateDigits(callId, "5001", "123#"), Csta.associateData(callId, "5001", Map.of("note", "VIP")),
                Csta.monitorStart("5002"), Csta.monitorStop("1"), Csta.logOn("5003", "1003", DEMO_HEX),
                Csta.agentState("5002", "notReady", "Lunch"), Csta.agentState("5001", "loggedOff", null),
                Csta.getAgentState("5001"), Csta.startSession(60), Csta.service("SystemStatus", "<systemStatus>normal</systemStatus>"));
    }

    private static byte[] damagedStream(List<String> valid, SplittableRandom random) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int frames = 1 + random.nextInt(3);
        for (int f = 0; f < frames; f++)
            stream.writeBytes(Frame.of(String.format("%04d", 5000 + random.nextInt(4000)), valid.get(random.nextInt(valid.size()))).encode());
        byte[] bytes = stream.toByteArray();
        int damage = 1 + random.nextInt(3);
        for (int d = 0; d < damage; d++) {
            int at = random.nextInt(Math.min(bytes.length, random.nextBoolean() ? 8 : bytes.length));
            bytes[at] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
