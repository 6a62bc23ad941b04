package org.opencti.server.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.callers.ScriptedCall;
import org.opencti.lab.config.AgentConfig;
import org.opencti.lab.config.LabConfig;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #10: desktop WebSockets that die mid-call (abruptly, or half-open) and a reconnect storm, through the real
 * gateway, connector and lab. A resume with {@code lastSeq} must give every missed event once: no gap, no duplicate.
 */
class WebSocketDropTest {
    @TempDir Path dataDir;
    private LiveCentre centre;

    @AfterEach
    void stop() { centre.close(); }

    /** 1001 on an answered sales call whose customer hangs up after 30 s of lab time; returns the call id. */
    private String midCall(Tab tab) {
        centre.login(tab, "1001");
        centre.ready(tab);
        String callId = centre.lab.placeCall(ScriptedCall.from("0612345007", "8001").talkingFor(Duration.ofSeconds(30)));
        tab.awaitEvent(0, "CallStateEvent", "Offering");
        tab.ok("{\"type\":\"answerCall\",\"callId\":\"" + callId + "\"}");
        tab.awaitEvent(0, "CallStateEvent", "Established");
        return callId;
    }

    /** The customer hangs up in the lab; returns once the gateway has numbered the Disconnected (it is recorded after). */
    private void customerHangsUpWhileTheTabIsGone(String callId) {
        centre.advanceLab(Duration.ofSeconds(31));
        LiveCentre.awaitUntil(() -> {
            centre.store.awaitFlushed(Duration.ofSeconds(1));
            return centre.store.interactions().byCall(new AgentId("1001"), new CallId(callId)).map(i -> i.endedAt() != null).orElse(false);
        }, "the Disconnected of " + callId + " delivered and recorded");
    }

    @Test
    void after_an_abrupt_close_mid_call_a_resume_with_last_seq_replays_the_missed_events_once_without_a_snapshot() {
        centre = new LiveCentre(dataDir);
        Tab before = centre.tab("before");
        String callId = midCall(before);
        String token = before.await("login result", f -> f.at("/value/token").isTextual()).at("/value/token").asText();
        long seen = before.lastSeq();

        before.abort();
        customerHangsUpWhileTheTabIsGone(callId);
        Tab after = centre.tab("after");
        after.resume(token, seen);
        JsonNode ended = after.awaitEvent(0, "CallStateEvent", "Disconnected");
        after.awaitEvent(0, "AgentStateEvent", "AfterCallWork");

        assertThat(ended.path("seq").asLong()).isEqualTo(seen + 1);
        assertThat(ended.path("cause").asText()).isEqualTo("RemoteHangup");
        assertThat(after.events()).noneMatch(e -> e.path("type").asText().equals("SnapshotEvent"));
        assertContinues(before, after);
        after.ok("{\"type\":\"wrapUp\",\"callId\":\"" + callId + "\",\"wrapUpCode\":\"Sale\"}");
    }

    @Test
    void a_half_open_tab_mid_call_is_replaced_by_a_resume_with_what_it_really_read_and_is_then_closed_as_dead() {
        centre = new LiveCentre(dataDir);
        Tab frozen = centre.tab("frozen");
        String callId = midCall(frozen);
        String token = frozen.await("login result", f -> f.at("/value/token").isTextual()).at("/value/token").asText();

        frozen.goHalfOpen();
        long read = frozen.lastSeq();
        customerHangsUpWhileTheTabIsGone(callId);
        Tab reloaded = centre.tab("reloaded");
        reloaded.resume(token, read);
        reloaded.awaitEvent(0, "AgentStateEvent", "AfterCallWork");
        centre.advance(Duration.ofSeconds(30)); // the gateway notices the frozen socket; the reloaded tab answers pings

        assertThat(reloaded.seqs().getFirst()).isEqualTo(read + 1);
        assertContinues(frozen, reloaded);
        int mark = reloaded.mark();
        reloaded.ok("{\"type\":\"agentNotReady\",\"reasonCode\":\"Break\"}");
        reloaded.awaitEvent(mark, "an agent state after the request", e -> e.path("type").asText().equals("AgentStateEvent"));
        assertContinues(frozen, reloaded);
        assertThat(centre.server.openSockets()).as("only the reloaded tab is left").isEqualTo(1);
    }

    @Test
    void a_reconnect_storm_of_50_agents_while_calls_arrive_recovers_without_errors_and_every_tab_ends_gap_free() throws Exception {
        centre = new LiveCentre(dataDir, withAgents(50));
        Map<String, Tab> first = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (AgentConfig agent : centre.config.agents()) {
            Tab tab = centre.tab(agent.id() + "-a");
            tokens.put(agent.id(), centre.login(tab, agent.id()));
            centre.ready(tab);
            first.put(agent.id(), tab);
        }
        Map<String, Long> seen = new LinkedHashMap<>();
        first.forEach((agent, tab) -> seen.put(agent, tab.lastSeq()));

        first.values().forEach(Tab::abort);
        for (int i = 0; i < 10; i++) centre.lab.placeCall(ScriptedCall.from("06" + (12345007 + 7 * i), "8001"));
        Map<String, Tab> second = new LinkedHashMap<>();
        try (ExecutorService storm = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Tab>> reconnects = new ArrayList<>();
            for (String agent : first.keySet()) reconnects.add(storm.submit(() -> {
                Tab tab = centre.tab(agent + "-b");
                tab.resume(tokens.get(agent), seen.get(agent));
                return tab;
            }));
            int i = 0;
            for (String agent : first.keySet()) second.put(agent, reconnects.get(i++).get());
        }
        LiveCentre.awaitUntil(() -> centre.lab.snapshot().agents().stream().filter(a -> a.state() == AgentState.BUSY).count() == 10,
                "ten agents offered a call");
        List<String> ringing = centre.lab.snapshot().agents().stream().filter(a -> a.state() == AgentState.BUSY)
                .map(a -> a.agentId()).toList();
        for (String agent : ringing) second.get(agent).awaitEvent(0, "AgentStateEvent", "Busy");
        for (var entry : second.entrySet()) {
            Tab tab = entry.getValue();
            int mark = tab.mark();
            tab.ok("{\"type\":\"agentNotReady\",\"reasonCode\":\"Break\"}");
            tab.awaitEvent(mark, "AgentStateEvent", ringing.contains(entry.getKey()) ? "Busy" : "NotReady");
        }

        for (String agent : first.keySet()) {
            assertThat(second.get(agent).count("error")).as("%s: error frames", agent).isZero();
            assertContinues(first.get(agent), second.get(agent));
        }
        assertThat(centre.server.openSockets()).isEqualTo(50);
    }

    /** The second tab's seqs continue the first's exactly: together 1..n, no gap, no duplicate. */
    private static void assertContinues(Tab earlier, Tab later) {
        List<Long> all = new ArrayList<>(earlier.seqs());
        all.addAll(later.seqs());
        assertThat(all).as("%s then %s: %s", earlier.name, later.name, Scenarios.briefs(later.events()))
                .isEqualTo(TwoTabsTest.seqsFrom(1, all.size()));
    }

    /** The demo contact centre with {@code count} agents (1001.., extensions 5001..), all with every skill. */
    private static LabConfig withAgents(int count) {
        LabConfig demo = LabConfig.demo();
        List<String> extensions = new ArrayList<>();
        List<AgentConfig> agents = new ArrayList<>();
        AgentConfig template = demo.agents().getFirst();
        for (int i = 1; i <= count; i++) {
            extensions.add(String.valueOf(5000 + i));
            agents.add(new AgentConfig(String.valueOf(1000 + i), "demo", "Agent " + (1000 + i), template.team(),
                    String.valueOf(5000 + i), template.skills()));
        }
        return new LabConfig(extensions, demo.teams(), agents, demo.supervisors(), demo.queues(), demo.routing(),
                demo.externalNumbers(), demo.customers(), demo.reasonCodes(), demo.wrapUpCodes(), demo.pbx(), demo.traffic());
    }
}
