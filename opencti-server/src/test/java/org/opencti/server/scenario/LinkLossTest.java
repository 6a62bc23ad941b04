package org.opencti.server.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.acd.AgentSnapshot;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.pbx.CallSnapshot;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;
import org.opencti.model.DisconnectCause;
import org.opencti.store.interaction.Interaction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #10: the CTI link is lost mid-call, through the real gateway, CSTA connector and lab. 1001 is talking to a
 * customer (and has asked for NotReady Lunch, pending), 1003 has a customer on hold, 1002 is Ready and idle. The lab
 * drops every CSTA link (or makes them half-open) and refuses new ones; while it is gone 1001's customer hangs up;
 * then it accepts again. Link detection runs on the platform's virtual time.
 */
class LinkLossTest {
    private static final Duration DETECTION = Duration.ofSeconds(6);
    @TempDir Path dataDir;
    private LiveCentre centre;
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private String talking;
    private String onHold;

    @BeforeEach
    void start() {
        centre = new LiveCentre(dataDir);
        for (String agent : List.of("1001", "1002", "1003")) {
            Tab tab = centre.tab(agent);
            centre.login(tab, agent);
            tabs.put(agent, tab);
        }
        talking = answered("1001", ScriptedCall.from("0612345007", "8001").talkingFor(Duration.ofSeconds(60)));
        tabs.get("1001").ok("{\"type\":\"agentNotReady\",\"reasonCode\":\"Lunch\"}");
        tabs.get("1001").awaitEvent(0, "pending NotReady", e -> e.path("pendingState").asText().equals("NotReady"));
        onHold = answered("1003", ScriptedCall.from("0612345014", "8001"));
        tabs.get("1003").ok("{\"type\":\"holdCall\",\"callId\":\"" + onHold + "\"}");
        tabs.get("1003").awaitEvent(0, "CallStateEvent", "Held");
        centre.ready(tabs.get("1002"));
    }

    @AfterEach
    void stop() { centre.close(); }

    /** The agent goes Ready, is the only Ready one, and answers the customer's queue call; returns its id. */
    private String answered(String agent, ScriptedCall call) {
        Tab tab = tabs.get(agent);
        centre.ready(tab);
        int mark = tab.mark();
        String callId = centre.lab.placeCall(call);
        tab.awaitEvent(mark, "CallStateEvent", "Offering");
        tab.ok("{\"type\":\"answerCall\",\"callId\":\"" + callId + "\"}");
        tab.awaitEvent(mark, "CallStateEvent", "Established");
        return callId;
    }

    @Test
    void every_desk_is_told_of_a_dropped_link_at_once_and_is_resynced_to_the_labs_truth_when_it_is_back() {
        Map<String, Integer> marks = marks();
        Instant lost = centre.time.now();

        centre.dropLinks();

        everyDeskTold(marks, "Disconnected");
        assertThat(Duration.between(lost, centre.time.now())).isLessThanOrEqualTo(DETECTION);
        whileDownAndBack(marks);
    }

    @Test
    void a_half_open_link_is_noticed_within_6_s_of_virtual_time_and_every_desk_is_resynced_when_it_is_back() {
        Map<String, Integer> marks = marks();
        Instant lost = centre.time.now();

        centre.halfOpenLinks();
        centre.advance(DETECTION);

        everyDeskTold(marks, "Disconnected");
        assertThat(Duration.between(lost, centre.time.now())).isEqualTo(DETECTION);
        whileDownAndBack(marks);
    }

    /** Requests are refused, 1001's customer hangs up in the lab, the lab accepts again: resync to the truth. */
    private void whileDownAndBack(Map<String, Integer> marks) {
        JsonNode refused = tabs.get("1002").refused("{\"type\":\"agentNotReady\",\"reasonCode\":\"Break\"}", "OPENCTI_LINK_DOWN");
        assertThat(refused.path("message").asText()).contains("agentNotReady was not sent");
        tabs.get("1001").refused("{\"type\":\"hangUpCall\",\"callId\":\"" + talking + "\"}", "OPENCTI_LINK_DOWN");
        centre.advanceLab(Duration.ofSeconds(70)); // the customer's 60 s talk time ends; 1001 goes to after-call work
        assertThat(centre.lab.call(talking)).as("the call ended in the lab while the link was down").isEmpty();
        Map<String, Integer> back = marks();

        centre.restoreLinks();
        centre.awaitReconnected();

        for (var entry : tabs.entrySet()) {
            Tab tab = entry.getValue();
            JsonNode connected = tab.awaitEvent(back.get(entry.getKey()), "LinkStateEvent", "Connected");
            JsonNode snapshot = tab.awaitEvent(back.get(entry.getKey()), "the resync snapshot",
                    e -> e.path("type").asText().equals("SnapshotEvent") && e.path("seq").asLong() > connected.path("seq").asLong());
            assertThat(snapshot.path("linkState").asText()).isEqualTo("Connected");
            assertEqualsTheLab(entry.getKey(), snapshot);
        }
        JsonNode closed = tabs.get("1001").awaitEvent(back.get("1001"), "the call that ended in the gap",
                e -> e.path("callId").asText().equals(talking) && e.path("name").asText().equals("Disconnected"));
        assertThat(closed.path("cause").asText()).isEqualTo("LinkLost");
        assertThat(tabs.get("1003").eventsSince(marks.get("1003"))).as("the held call survived under its own id")
                .noneMatch(e -> e.path("type").asText().equals("CallStateEvent") && e.path("name").asText().equals("Disconnected"));
        centre.flushed();
        Interaction row = centre.store.interactions().byCall(new AgentId("1001"), new CallId(talking)).orElseThrow();
        assertThat(row.cause()).isEqualTo(DisconnectCause.LinkLost);
        assertThat(row.endApproximate()).as("the end of a call lost in the gap is approximate").isTrue();
        tabs.get("1002").ok("{\"type\":\"agentNotReady\",\"reasonCode\":\"Break\"}");
        for (Tab tab : tabs.values()) assertThat(tab.seqs()).as("%s gap-free", tab.name).isEqualTo(TwoTabsTest.seqsFrom(1, tab.seqs().size()));
    }

    private Map<String, Integer> marks() {
        Map<String, Integer> marks = new LinkedHashMap<>();
        tabs.forEach((agent, tab) -> marks.put(agent, tab.mark()));
        return marks;
    }

    private void everyDeskTold(Map<String, Integer> marks, String linkState) {
        tabs.forEach((agent, tab) -> tab.awaitEvent(marks.get(agent), "LinkStateEvent", linkState));
    }

    /** Agent state, reason, pending state and calls {callId, state, parties} exactly as the lab has them. */
    private void assertEqualsTheLab(String agentId, JsonNode snapshot) {
        AgentSnapshot agent = centre.lab.agent(agentId);
        String device = agent.device().orElseThrow();
        String state = canonical(agent.state());
        assertThat(snapshot.at("/agent/state").asText()).as("%s state", agentId).isEqualTo(state);
        assertThat(snapshot.at("/agent/reasonCode").asText(null)).as("%s reason", agentId)
                .isEqualTo(state.equals("NotReady") ? agent.reasonCode().orElse(null) : null);
        assertThat(snapshot.at("/agent/pendingState").asText(null)).as("%s pending state", agentId)
                .isEqualTo(agent.pending().map(p -> canonical(p.state())).orElse(null));
        List<CallSnapshot> calls = centre.lab.callsAt(device);
        assertThat(snapshot.path("calls").size()).as("%s calls: %s", agentId, snapshot.path("calls")).isEqualTo(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            CallSnapshot truth = calls.get(i);
            JsonNode call = snapshot.path("calls").get(i);
            Map<String, String> parties = new LinkedHashMap<>();
            truth.parties().forEach(p -> {
                String partyState = canonical(p.state());
                if (partyState != null) parties.put(p.device(), partyState);
            });
            Map<String, String> shown = new LinkedHashMap<>();
            call.path("parties").forEach(p -> shown.put(p.path("dn").asText(), p.path("state").asText()));
            assertThat(call.path("callId").asText()).isEqualTo(truth.callId());
            assertThat(call.path("state").asText()).as("%s call %s", agentId, truth.callId()).isEqualTo(parties.get(device));
            assertThat(shown).as("%s parties of %s", agentId, truth.callId()).isEqualTo(parties);
        }
    }

    private static String canonical(org.opencti.lab.acd.AgentState state) {
        return switch (state) {
            case LOGGED_OUT -> "LoggedOut";
            case NOT_READY -> "NotReady";
            case READY -> "Ready";
            case BUSY -> "Busy";
            case WORKING_AFTER_CALL -> "AfterCallWork";
        };
    }

    private static String canonical(org.opencti.lab.pbx.ConnectionState state) {
        return switch (state) {
            case INITIATED -> "Initiated";
            case ALERTING, QUEUED -> "Offering";
            case CONNECTED -> "Established";
            case HOLD -> "Held";
            case NULL, FAIL -> null;
        };
    }
}
