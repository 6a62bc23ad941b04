package org.opencti.bench.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencti.lab.config.AgentConfig;
import org.opencti.lab.config.LabConfig;

class BenchContactCentreTest {

    @Test
    void five_thousand_agents_get_their_own_extensions_every_skill_and_the_demos_queues_and_customers() {
        LabConfig config = BenchContactCentre.config(5_000);

        assertThat(config.problems()).isEmpty();
        assertThat(config.agents()).hasSize(5_000);
        AgentConfig last = config.agents().getLast();
        assertThat(last.id()).isEqualTo(BenchContactCentre.agentId(5_000)).isEqualTo("25000");
        assertThat(last.extension()).isEqualTo(BenchContactCentre.extension(5_000)).isEqualTo("15000");
        assertThat(last.skills()).containsExactlyInAnyOrder("sales", "support", "billing");
        assertThat(config.queues()).isEqualTo(LabConfig.demo().queues());
        assertThat(config.customers()).isEqualTo(LabConfig.demo().customers());
        assertThat(config.traffic().enabled()).isFalse();
    }

    @Test
    void a_size_outside_one_to_9999_agents_is_refused_with_the_accepted_range() {
        assertThatThrownBy(() -> BenchContactCentre.config(10_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--agents 10000 is out of range; expected 1 to 9999");
        assertThatThrownBy(() -> BenchContactCentre.config(0)).hasMessageContaining("--agents 0 is out of range");
    }
}
