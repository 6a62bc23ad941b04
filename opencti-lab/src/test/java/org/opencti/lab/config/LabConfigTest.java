package org.opencti.lab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabConfigTest {

    private static final String VALID = """
            extensions: ["5001-5003"]
            teams: [{id: north, name: North}]
            agents:
              - {id: "1001", password: demo, team: north, extension: "5001", skills: [sales]}
            supervisors:
              - {id: "2001", password: demo, teams: [north]}
            queues:
              - {id: sales, device: "8001", skill: sales, ringNoAnswerSeconds: 15, wrapSeconds: 30, serviceLevelSeconds: 20}
            routing:
              - {dnis: "8101", queue: sales}
            externalNumbers:
              - {pattern: '\\d*0000', outcome: busy}
              - {pattern: '\\d{7,}', outcome: answer, ringSeconds: 2}
            customers:
              - {id: C001, name: Alice Martin, phone: "0612345007", accountId: A-1001}
            reasonCodes: [{id: login}, {id: RONA}, {id: Break, label: Break}]
            wrapUpCodes: [{id: Sale}]
            """;

    @Test
    void the_demo_configuration_has_the_documented_numbers_and_is_valid() {
        LabConfig demo = LabConfig.demo();

        assertThat(demo.problems()).isEmpty();
        assertThat(demo.agents()).hasSize(20).first().satisfies(a -> {
            assertThat(a.id()).isEqualTo("1001");
            assertThat(a.password()).isEqualTo("demo");
            assertThat(a.extension()).isEqualTo("5001");
            assertThat(a.team()).isEqualTo("north");
        });
        assertThat(demo.agent("1020").orElseThrow().team()).isEqualTo("south");
        assertThat(demo.queues()).extracting(QueueConfig::device).containsExactly("8001", "8002", "8003");
        assertThat(demo.queues()).allSatisfy(q -> assertThat(List.of(q.ringNoAnswerSeconds(), q.wrapSeconds(),
                q.serviceLevelSeconds())).containsExactly(15, 30, 20));
        assertThat(demo.customers()).hasSize(200).extracting(Customer::phone).doesNotHaveDuplicates()
                .allMatch(p -> p.matches("\\d{10}") && !p.endsWith("0000") && !p.endsWith("9999"));
        assertThat(demo.supervisors()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("2001"));
        assertThat(demo.reasonCodes()).extracting(ReasonCode::id).contains("login", "RONA", "DesktopLost", "Break", "Lunch", "Training");
    }

    @Test
    void the_demo_configuration_is_the_same_every_time() {
        assertThat(LabConfig.demo()).isEqualTo(LabConfig.demo());
    }

    @Test
    void a_valid_yaml_file_is_read_into_records_with_ranges_expanded() {
        LabConfig config = LabConfig.parseYaml(VALID, "test.yaml");

        assertThat(config.extensions()).containsExactly("5001", "5002", "5003");
        assertThat(config.routing()).containsExactly(new Route("8101", "sales"));
        assertThat(config.externalNumbers().get(1).matches("0612345678")).isTrue();
        assertThat(config.agents().getFirst().name()).isEqualTo("Agent 1001");
    }

    @Test
    void every_problem_of_a_bad_file_is_listed_with_property_value_and_what_is_accepted() {
        String bad = VALID.replace("team: north, extension: \"5001\"", "team: west, extension: \"6001\"")
                .replace("wrapSeconds: 30", "wrapSeconds: -1")
                .replace("queue: sales}", "queue: sails}")
                .replace("outcome: busy", "outcome: engaged")
                .replace("reasonCodes: [{id: login}, {id: RONA},", "reasonCodes: [");

        assertThatThrownBy(() -> LabConfig.parseYaml(bad, "bad.yaml"))
                .isInstanceOf(InvalidLabConfigException.class)
                .hasMessageContaining("bad.yaml")
                .satisfies(e -> assertThat(((InvalidLabConfigException) e).problems()).extracting(ConfigProblem::property)
                        .contains("externalNumbers[0].outcome"));
        LabConfig parsedShape = LabConfig.parseYaml(VALID, "ok").requireValid("ok");
        assertThat(parsedShape).isNotNull();
    }

    @Test
    void value_problems_name_the_property_the_value_and_the_accepted_range() {
        String bad = VALID.replace("team: north, extension: \"5001\"", "team: west, extension: \"6001\"")
                .replace("wrapSeconds: 30", "wrapSeconds: -1")
                .replace("queue: sales}", "queue: sails}")
                .replace("reasonCodes: [{id: login}, {id: RONA},", "reasonCodes: [");

        InvalidLabConfigException refused = catchRefusal(bad);

        assertThat(refused.problems()).containsExactlyInAnyOrder(
                new ConfigProblem("agents[0].team", "'west'", "one of [north]"),
                new ConfigProblem("agents[0].extension", "'6001'", "one of [5001, 5002, 5003]"),
                new ConfigProblem("queues[0].wrapSeconds", "-1", "a whole number of seconds from 0 to 3600"),
                new ConfigProblem("routing[0].queue", "'sails'", "one of [sales]"),
                new ConfigProblem("reasonCodes", "[Break]", "a list that includes 'RONA' (used by the lab itself)"),
                new ConfigProblem("reasonCodes", "[Break]", "a list that includes 'login' (used by the lab itself)"));
        assertThat(refused.getMessage()).contains("6 problems", "queues[0].wrapSeconds = -1: a whole number of seconds from 0 to 3600");
    }

    @Test
    void shape_problems_are_all_reported_before_values_are_checked() {
        String bad = VALID.replace("ringNoAnswerSeconds: 15", "ringNoAnswerSeconds: soon")
                .replace("outcome: busy", "outcome: engaged") + "colour: blue\n";

        InvalidLabConfigException refused = catchRefusal(bad);

        assertThat(refused.problems()).extracting(ConfigProblem::property)
                .containsExactlyInAnyOrder("colour", "queues[0].ringNoAnswerSeconds", "externalNumbers[0].outcome");
    }

    @Test
    void unparsable_yaml_is_refused_with_its_line() {
        InvalidLabConfigException refused = catchRefusal("agents: [ {id: 1");

        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.accepted()).contains("line"));
    }

    @Test
    void internal_numbers_must_not_collide() {
        String bad = VALID.replace("device: \"8001\"", "device: \"5002\"").replace("dnis: \"8101\"", "dnis: \"5003\"");

        assertThat(catchRefusal(bad).problems()).extracting(ConfigProblem::property)
                .contains("queues[0].device", "routing[0].dnis");
    }

    private static InvalidLabConfigException catchRefusal(String yaml) {
        try {
            LabConfig.parseYaml(yaml, "test.yaml");
        } catch (InvalidLabConfigException e) {
            return e;
        }
        throw new AssertionError("Expected the configuration to be refused:\n" + yaml);
    }
}
