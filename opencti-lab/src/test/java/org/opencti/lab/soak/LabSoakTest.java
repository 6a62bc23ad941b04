package org.opencti.lab.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LabSoakTest {

    @Test
    void one_virtual_hour_at_20_calls_a_second_keeps_every_invariant() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SoakReport report = LabSoak.run(new LabSoak.Settings(1, 20, 7, Duration.ofMinutes(10)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(report.violations()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(report.callsPlaced()).isBetween(66_000L, 78_000L);
        assertThat(report.finalHealth().queues().values()).allSatisfy(q -> {
            assertThat(q.answered()).isPositive();
            assertThat(q.pending()).isZero();
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("PT10M: ", "Soak PASSED");
    }
}
