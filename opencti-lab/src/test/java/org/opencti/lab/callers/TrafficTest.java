package org.opencti.lab.callers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.lab.ContactCentreLab;
import org.opencti.lab.LabOptions;
import org.opencti.lab.acd.AgentState;
import org.opencti.lab.clock.LabClock;
import org.opencti.lab.clock.VirtualClock;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.protocol.EventLog;

class TrafficTest {

    private static String runLog(long seed) {
        VirtualClock clock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
        StringWriter log = new StringWriter();
        LabOptions options = LabOptions.defaults().withCstaPort(0).withSeed(seed).withTraffic(true).withCallRate(0.5)
                .withSimulatedAgents(10);
        try (ContactCentreLab lab = ContactCentreLab.create(LabConfig.demo(), clock, options, LabClock.real(), EventLog.writingTo(log))) {
            lab.start();
            for (int minute = 0; minute < 20; minute++)
                clock.advance(Duration.ofMinutes(1));
        }
        return log.toString();
    }

    @Test
    void the_same_seed_and_configuration_give_a_byte_identical_event_log() {
        String first = runLog(42);
        String second = runLog(42);

        assertThat(first).contains("QueuedEvent", "EstablishedEvent", "AgentWorkingAfterCallEvent", "accountId");
        assertThat(first.lines().count()).isGreaterThan(1000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void a_different_seed_gives_a_different_event_log() {
        assertThat(runLog(43)).isNotEqualTo(runLog(42));
    }

    @Test
    void traffic_is_off_by_default_in_tests_and_simulated_agents_leave_the_others_alone() {
        VirtualClock clock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
        try (ContactCentreLab quiet = ContactCentreLab.create(LabConfig.demo(), clock, 1);
             ContactCentreLab busy = ContactCentreLab.create(LabConfig.demo(), LabClock.virtual(LabOptions.VIRTUAL_EPOCH),
                     LabOptions.defaults().withCstaPort(0).withTraffic(true).withSimulatedAgents(5))) {
            quiet.start();
            busy.start();

            clock.advance(Duration.ofHours(1));

            assertThat(quiet.trafficOn()).isFalse();
            assertThat(quiet.snapshot().calls()).isEmpty();
            assertThat(busy.trafficOn()).isTrue();
            assertThat(busy.simulatedAgents()).containsExactly("1016", "1017", "1018", "1019", "1020");
            assertThat(busy.agent("1016").state()).isEqualTo(AgentState.READY);
            assertThat(busy.agent("1001").state()).isEqualTo(AgentState.LOGGED_OUT);
        }
    }

    @Test
    void random_callers_are_customers_with_their_account_or_unknown_numbers_and_every_call_is_accounted_for() {
        VirtualClock clock = LabClock.virtual(LabOptions.VIRTUAL_EPOCH);
        StringWriter log = new StringWriter();
        try (ContactCentreLab lab = ContactCentreLab.create(LabConfig.demo(), clock,
                LabOptions.defaults().withCstaPort(0).withTraffic(true).withCallRate(1).withSimulatedAgents(20),
                LabClock.real(), EventLog.writingTo(log))) {
            lab.start();
            clock.advance(Duration.ofMinutes(30));
            lab.stopTraffic();
            clock.advance(Duration.ofHours(1));

            List<String> problems = lab.health().problems(true);
            assertThat(problems).isEmpty();
            assertThat(lab.trafficCallsPlaced()).isBetween(1500L, 2100L);
            assertThat(log.toString()).contains("<deviceIdentifier>07", "key=\"accountId\">A-1", "<od:queue xmlns:od=\"urn:opencti:csta:1\">sales</od:queue>");
        }
    }
}
