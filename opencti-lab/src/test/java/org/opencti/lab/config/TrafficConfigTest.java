package org.opencti.lab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrafficConfigTest {

    private static final String BASE = """
            extensions: ["7001-7003"]
            teams: [{id: t, name: T}]
            agents:
              - {id: "41", password: pw, team: t, extension: "7001", skills: [s]}
              - {id: "42", password: pw, team: t, extension: "7002", skills: [s]}
            queues: [{id: q, device: "9001", skill: s, wrapSeconds: 10}]
            reasonCodes: [{id: login}, {id: RONA}]
            """;

    @Test
    void the_traffic_and_pbx_sections_are_read_into_records() {
        LabConfig config = LabConfig.parseYaml(BASE + """
                pbx: {ringNoAnswerSeconds: 0, busyExtension: busy}
                traffic:
                  enabled: true
                  nonCustomerShare: 0.25
                  simulatedAgents: ["42"]
                  queues:
                    - {queue: q, callsPerHour: 90, talkSeconds: {mean: 60, min: 10, max: 300}, holdShare: 0, answerSeconds: 3}
                """, "t.yaml");

        assertThat(config.pbx()).isEqualTo(new PbxConfig(0, PbxConfig.BusyExtension.BUSY));
        assertThat(config.traffic().enabled()).isTrue();
        assertThat(config.traffic().simulatedAgents()).containsExactly("42");
        QueueTraffic queue = config.traffic().queues().getFirst();
        assertThat(queue.callsPerHour()).isEqualTo(90);
        assertThat(queue.talk()).isEqualTo(TimeDistribution.of(60, 10, 300));
        assertThat(queue.answer()).isEqualTo(TimeDistribution.constant(3));
    }

    @Test
    void shape_problems_of_the_new_sections_are_listed() {
        String bad = BASE + """
                pbx: {busyExtension: engaged}
                traffic: {queues: [{queue: q, colour: red}]}
                """;

        assertThatThrownBy(() -> LabConfig.parseYaml(bad, "bad.yaml"))
                .isInstanceOf(InvalidLabConfigException.class)
                .hasMessageContaining("pbx.busyExtension = engaged: one of callWaiting, busy")
                .hasMessageContaining("traffic.queues[0].colour");
    }

    @Test
    void every_traffic_value_problem_is_listed() {
        String bad = BASE + """
                traffic:
                  nonCustomerShare: 2
                  simulatedAgents: ["99"]
                  queues:
                    - {queue: nope, callsPerHour: -1, talkSeconds: {mean: 5, min: 10, max: 20}}
                """;

        assertThatThrownBy(() -> LabConfig.parseYaml(bad, "bad.yaml"))
                .isInstanceOf(InvalidLabConfigException.class)
                .hasMessageContaining("traffic.nonCustomerShare = 2.0: a share from 0 to 1")
                .hasMessageContaining("traffic.queues[0].queue = 'nope'")
                .hasMessageContaining("traffic.queues[0].callsPerHour = -1.0")
                .hasMessageContaining("traffic.queues[0].talkSeconds")
                .hasMessageContaining("traffic.simulatedAgents[0] = '99'");
    }

    @Test
    void the_demo_has_a_modest_traffic_profile_switched_off() {
        TrafficConfig traffic = LabConfig.demo().traffic();

        assertThat(traffic.enabled()).isFalse();
        assertThat(traffic.callsPerHour()).isEqualTo(120);
        assertThat(traffic.simulatedAgents()).isEmpty();
    }
}
