package org.opencti.server.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.callers.ScriptedCall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.server.scenario.Scenarios.briefs;

/** Issue #6: two tabs of one agent session over the real gateway, connector and lab. */
class TwoTabsTest {
    @TempDir Path dataDir;
    private LiveCentre centre;

    @BeforeEach
    void start() { centre = new LiveCentre(dataDir); }

    @AfterEach
    void stop() { centre.close(); }

    @Test
    void both_tabs_receive_every_event_in_the_same_order_with_the_same_seq_and_either_can_act() {
        Tab one = centre.tab("one");
        Tab two = centre.tab("two");
        String token = centre.login(one, "1001");
        int joined = one.mark();
        two.resume(token, null);
        JsonNode snapshot = two.awaitEvent(0, "SnapshotEvent", "Snapshot");
        one.awaitEvent(joined, "SnapshotEvent", "Snapshot");

        two.ok("{\"type\":\"agentReady\"}");
        String callId = centre.lab.placeCall(ScriptedCall.from("0612345007", "8001").withData(Map.of("accountId", "A-1001")));
        one.awaitEvent(joined, "CallStateEvent", "Offering");
        one.ok("{\"type\":\"answerCall\",\"callId\":\"" + callId + "\"}");
        two.awaitEvent(0, "CallStateEvent", "Established");
        two.ok("{\"type\":\"holdCall\",\"callId\":\"" + callId + "\"}");
        one.awaitEvent(joined, "CallStateEvent", "Held");
        one.ok("{\"type\":\"retrieveCall\",\"callId\":\"" + callId + "\"}");
        one.awaitEvent(joined, "retrieved", e -> e.path("name").asText().equals("Established") && e.path("seq").asLong() > snapshot.path("seq").asLong() + 4);
        List<JsonNode> atOne = one.awaitEvents(joined, 7);
        List<JsonNode> atTwo = two.awaitEvents(0, 7);

        assertThat(briefs(atOne)).containsExactly("SnapshotEvent Snapshot", "AgentStateEvent Ready",
                "CallStateEvent Offering " + callId, "AgentStateEvent Busy", "CallStateEvent Established " + callId,
                "CallStateEvent Held " + callId, "CallStateEvent Established " + callId);
        assertThat(atTwo).as("the very same frames, seq included").isEqualTo(atOne);
        assertThat(one.seqs()).as("gap-free from 1").isEqualTo(seqsFrom(1, one.seqs().size()));
    }

    @Test
    void closing_one_tab_leaves_the_other_working_and_the_agent_is_not_taken_for_gone() {
        Tab one = centre.tab("one");
        Tab two = centre.tab("two");
        String token = centre.login(one, "1001");
        two.resume(token, one.lastSeq());
        centre.ready(two);
        one.awaitEvent(0, "AgentStateEvent", "Ready");
        int before = two.mark();

        one.abort();
        LiveCentre.awaitUntil(() -> centre.server.openSockets() == 1, "the server saw the tab close");
        centre.advance(Duration.ofSeconds(15)); // past the 10 s DesktopLost timer a tab-less Ready agent would get
        String callId = centre.lab.placeCall(ScriptedCall.from("0612345007", "8001"));
        two.awaitEvent(before, "CallStateEvent", "Offering");
        two.ok("{\"type\":\"answerCall\",\"callId\":\"" + callId + "\"}");
        two.awaitEvent(before, "CallStateEvent", "Established");

        assertThat(briefs(two.eventsSince(before))).containsExactly("CallStateEvent Offering " + callId, "AgentStateEvent Busy",
                "CallStateEvent Established " + callId);
        assertThat(centre.lab.agent("1001").state()).isEqualTo(AgentState.BUSY);
        assertThat(two.seqs()).isEqualTo(seqsFrom(two.seqs().getFirst(), two.seqs().size()));
    }

    static List<Long> seqsFrom(long first, int count) {
        return java.util.stream.LongStream.range(first, first + count).boxed().toList();
    }
}
