package org.opencti.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencti.bench.target.BenchStore;

/**
 * The bench machinery end to end, small: 20 desktops in a generator process against the baseline and then against
 * OpenCTI with its lab and H2, for 5 s each, then 200 calls straight into a fresh store. It checks that the run
 * completes and counts what it should; it asserts no timing (numbers come from ./opencti bench, docs/BENCHMARKS.md).
 */
class BenchSmokeTest {

    @Test
    void twenty_desktops_answer_the_labs_calls_for_five_seconds_and_lose_no_event() throws Exception {
        LoadShape shape = new LoadShape(20, 4, Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(1));
        Bench.Settings settings = new Bench.Settings(shape, BenchStore.Kind.h2, null, null, null, true, 200, null);
        StringWriter log = new StringWriter();

        Bench.Report report = Bench.run(settings, new PrintWriter(log, true));
        SummaryTable.print(report, new PrintWriter(log, true));

        for (RunResult run : new RunResult[] {report.opencti(), report.baseline()}) {
            assertThat(run.generator().loggedIn()).as(run.target() + " logins\n" + log).isEqualTo(20);
            assertThat(run.generator().callsAnsweredInWindow()).as(run.target() + " calls answered\n" + log).isPositive();
            assertThat(run.generator().eventLatency().count()).as(run.target() + " latencies recorded").isPositive();
            assertThat(run.generator().roundTrip().count()).as(run.target() + " round trips recorded").isPositive();
            assertThat(run.generator().screenPop().count()).as(run.target() + " screen pops recorded").isPositive();
            assertThat(run.lostEvents()).as(run.target() + " events sent but not received\n" + log).isZero();
            assertThat(run.generator().seqGaps()).as(run.target() + " seq gaps").isZero();
            assertThat(run.generator().errors()).as(run.target() + " errors\n" + log).isEmpty();
            assertThat(run.socketsHeld()).as(run.target() + " sockets").isEqualTo(20);
        }
        assertThat(report.opencti().interactionsPerSecond()).as("interactions recorded during the window").isPositive();
        assertThat(report.persistence().interactions()).isEqualTo(200);
        assertThat(report.persistence().stateRows()).isEqualTo(600);
        assertThat(log.toString()).contains("| event latency p50 |", "| heap per idle session (KB) |", "t=1s");
    }
}
