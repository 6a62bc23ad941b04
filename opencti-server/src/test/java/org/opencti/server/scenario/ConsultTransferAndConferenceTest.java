package org.opencti.server.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.config.Customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.server.scenario.Scenarios.briefs;

/**
 * Issue #6: consult, transfer and conference through the real gateway, CSTA connector and lab, checked on the
 * events each agent's tab receives, in order, against DESIGN section 3 (call identity, causes, parties, call data).
 * Agent 1001 is Ready and takes the customer's queue call; 1002 stays NotReady (the ACD leaves it alone) and is
 * consulted at its extension 5002.
 */
class ConsultTransferAndConferenceTest {
    @TempDir Path dataDir;
    private LiveCentre centre;
    private Tab first;
    private Tab second;
    private Customer customer;
    private int atFirst;
    private int atSecond;

    @BeforeEach
    void start() {
        centre = new LiveCentre(dataDir);
        first = centre.tab("1001");
        second = centre.tab("1002");
        centre.login(first, "1001");
        centre.login(second, "1002");
        centre.ready(first);
        customer = centre.config.customers().getFirst();
        atFirst = first.mark();
        atSecond = second.mark();
    }

    @AfterEach
    void stop() { centre.close(); }

    /** The customer's sales call answered by 1001, then a consult leg to 1002 answered there; returns {primary, consult}. */
    private String[] consultAnswered() {
        String primary = centre.lab.placeCall(ScriptedCall.from(customer.phone(), "8001").withData(Map.of("accountId", customer.accountId())));
        first.awaitEvent(atFirst, "CallStateEvent", "Offering");
        first.ok("{\"type\":\"answerCall\",\"callId\":\"" + primary + "\"}");
        first.awaitEvent(atFirst, "CallStateEvent", "Established");
        String consult = first.ok("{\"type\":\"consultationCall\",\"callId\":\"" + primary + "\",\"destination\":\"5002\"}")
                .path("callId").asText();
        second.awaitEvent(atSecond, "CallStateEvent", "Offering");
        second.ok("{\"type\":\"answerCall\",\"callId\":\"" + consult + "\"}");
        first.awaitEvent(atFirst, "consult leg Established", e -> e.path("callId").asText().equals(consult)
                && e.path("name").asText().equals("Established"));
        return new String[] {primary, consult};
    }

    @Test
    void a_consult_transfer_keeps_the_primary_call_id_for_the_customer_and_each_desk_sees_what_DESIGN_says() {
        String[] ids = consultAnswered();
        String primary = ids[0];
        String consult = ids[1];

        first.ok("{\"type\":\"transferComplete\",\"heldCallId\":\"" + primary + "\",\"activeCallId\":\"" + consult + "\"}");

        List<JsonNode> atA = first.awaitEvents(atFirst, 10);
        List<JsonNode> atB = second.awaitEvents(atSecond, 5);
        assertThat(briefs(atA)).as("1001's tab").containsExactly(
                "CallStateEvent Offering " + primary, "AgentStateEvent Busy", "CallStateEvent Established " + primary,
                "CallStateEvent Held " + primary, "CallStateEvent Initiated " + consult, "CallStateEvent Alerting " + consult,
                "CallStateEvent Established " + consult,
                "CallStateEvent Disconnected " + primary, "CallStateEvent Disconnected " + consult,
                "AgentStateEvent AfterCallWork");
        assertThat(briefs(atB)).as("1002's tab").containsExactly(
                "CallStateEvent Offering " + consult, "AgentStateEvent Busy", "CallStateEvent Established " + consult,
                "CallStateEvent Established " + primary, "PartyInfoEvent " + primary + " [0612345007:Established, 5002:Established]");
        // Every call of the story belongs to the customer's conversation.
        for (JsonNode event : concat(atA, atB))
            if (event.path("type").asText().equals("CallStateEvent")) assertThat(event.path("conversationId").asText()).as(Scenarios.brief(event)).isEqualTo(primary);

        JsonNode offering = atA.get(0);
        assertThat(offering.path("callType").asText()).isEqualTo("Inbound");
        assertThat(offering.path("queue").asText()).isEqualTo("sales");
        assertThat(offering.at("/callData/accountId").asText()).isEqualTo(customer.accountId());
        for (JsonNode leg : atA.subList(4, 7)) {
            assertThat(leg.path("relatedCallId").asText()).as("the consult leg names the held call: %s", leg).isEqualTo(primary);
            assertThat(leg.path("consultPurpose").asText()).isEqualTo("Consult");
        }
        assertThat(atA.get(5).at("/callData/accountId").asText()).as("call data on the ringing consult leg").isEqualTo(customer.accountId());
        assertThat(texts(atA.get(6).path("allowedActions"))).contains("transferComplete", "conferenceComplete");
        assertThat(atA.get(7).path("cause").asText()).as("the held leg").isEqualTo("Transferred");
        assertThat(atA.get(8).path("cause").asText()).as("the consult leg").isEqualTo("Transferred");

        JsonNode ringing = atB.get(0);
        assertThat(ringing.path("callType").asText()).isEqualTo("Consult");
        assertThat(ringing.has("relatedCallId")).as("relatedCallId is for the consulting device only").isFalse();
        assertThat(ringing.at("/callData/accountId").asText()).as("call data copied to the consult call").isEqualTo(customer.accountId());
        JsonNode replaced = atB.get(3);
        assertThat(replaced.path("replacesCallId").asText()).isEqualTo(consult);
        assertThat(replaced.at("/callData/accountId").asText()).isEqualTo(customer.accountId());
        assertThat(atB).as("no Disconnected for the replaced id").noneMatch(e -> e.path("name").asText().equals("Disconnected"));
        assertThat(centre.lab.callsAt("5002")).extracting(c -> c.callId()).containsExactly(primary);
        assertGapFree(first);
        assertGapFree(second);
    }

    @Test
    void a_three_party_conference_joins_everyone_under_the_primary_id_and_a_party_leaving_changes_only_the_others_parties() {
        String[] ids = consultAnswered();
        String primary = ids[0];
        String consult = ids[1];

        first.ok("{\"type\":\"conferenceComplete\",\"heldCallId\":\"" + primary + "\",\"activeCallId\":\"" + consult + "\"}");
        second.awaitEvent(atSecond, "three parties", e -> e.path("type").asText().equals("PartyInfoEvent") && e.path("parties").size() == 3);
        first.awaitEvent(atFirst, "three parties", e -> e.path("type").asText().equals("PartyInfoEvent") && e.path("parties").size() == 3);
        int joinedFirst = first.mark();
        int joinedSecond = second.mark();
        second.ok("{\"type\":\"hangUpCall\",\"callId\":\"" + primary + "\"}");

        List<JsonNode> left = first.awaitEvents(joinedFirst, 1);
        List<JsonNode> gone = second.awaitEvents(joinedSecond, 2);
        List<JsonNode> atA = first.eventsSince(atFirst);
        List<JsonNode> atB = second.eventsSince(atSecond);
        String three = " [0612345007:Established, 5001:Established, 5002:Established]";
        assertThat(briefs(atA)).as("1001's tab").containsExactly(
                "CallStateEvent Offering " + primary, "AgentStateEvent Busy", "CallStateEvent Established " + primary,
                "CallStateEvent Held " + primary, "CallStateEvent Initiated " + consult, "CallStateEvent Alerting " + consult,
                "CallStateEvent Established " + consult,
                "CallStateEvent Established " + primary, "PartyInfoEvent " + primary + three,
                "PartyInfoEvent " + primary + " [0612345007:Established, 5001:Established]");
        assertThat(briefs(atB)).as("1002's tab").containsExactly(
                "CallStateEvent Offering " + consult, "AgentStateEvent Busy", "CallStateEvent Established " + consult,
                "CallStateEvent Established " + primary, "PartyInfoEvent " + primary + three,
                "CallStateEvent Disconnected " + primary, "AgentStateEvent AfterCallWork");
        for (Tab tab : List.of(first, second)) {
            JsonNode joined = tab.awaitEvent(tab == first ? atFirst : atSecond, "the joined call",
                    e -> e.path("replacesCallId").asText().equals(consult));
            assertThat(joined.path("callId").asText()).as("%s: the conference keeps the primary id", tab.name).isEqualTo(primary);
            assertThat(joined.path("conversationId").asText()).isEqualTo(primary);
            assertThat(joined.at("/callData/accountId").asText()).isEqualTo(customer.accountId());
        }
        assertThat(left).as("1001 hears 1002 leave through parties only, its own call state unchanged")
                .allMatch(e -> e.path("type").asText().equals("PartyInfoEvent"));
        assertThat(gone.getFirst().path("cause").asText()).isEqualTo("Normal");
        assertThat(atA).as("no Disconnected for the consult id at 1001").noneMatch(e -> e.path("name").asText().equals("Disconnected"));
        assertThat(centre.lab.callsAt("5001")).singleElement().satisfies(call -> {
            assertThat(call.callId()).isEqualTo(primary);
            assertThat(call.parties()).extracting(p -> p.device()).containsExactlyInAnyOrder(customer.phone(), "5001");
        });
        assertGapFree(first);
        assertGapFree(second);
    }

    private static void assertGapFree(Tab tab) {
        List<Long> seqs = tab.seqs();
        for (int i = 0; i < seqs.size(); i++) assertThat(seqs.get(i)).as("%s seq #%d", tab.name, i).isEqualTo(i + 1L);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
