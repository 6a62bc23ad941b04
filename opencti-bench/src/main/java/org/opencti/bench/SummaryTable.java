package org.opencti.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.opencti.bench.generator.Percentiles;

/**
 * The summary printed at the end of {@code ./opencti bench}: one row per figure of issue #10 with its target, what
 * OpenCTI measured, what the bare baseline measured in the same run, and the ratio OpenCTI / baseline (for a latency,
 * how many times slower; for a rate, the share of the baseline's). Markdown, so it pastes into docs/BENCHMARKS.md.
 */
final class SummaryTable {
    private record Row(String figure, String target, String opencti, String baseline, String ratio) {}

    private SummaryTable() {}

    static void print(Bench.Report report, PrintWriter out) {
        RunResult o = report.opencti();
        RunResult b = report.baseline();
        List<Row> rows = new ArrayList<>();
        latency(rows, "event latency p50", "<= 5 ms", o, b, r -> r.generator().eventLatency().p50());
        latency(rows, "event latency p99", "<= 50 ms", o, b, r -> r.generator().eventLatency().p99());
        latency(rows, "event latency p99.9", "<= 200 ms", o, b, r -> r.generator().eventLatency().p999());
        latency(rows, "event latency max", "-", o, b, r -> r.generator().eventLatency().max());
        latency(rows, "request round trip p50", "<= 10 ms", o, b, r -> r.generator().roundTrip().p50());
        latency(rows, "request round trip p99", "<= 100 ms", o, b, r -> r.generator().roundTrip().p99());
        latency(rows, "ring -> screen pop p99", "<= 500 ms", o, b, r -> r.generator().screenPop().p99());
        rate(rows, "deliveries/s (window)", ">= 10,000", o, b, RunResult::deliveriesPerSecond, "%.0f");
        rows.add(new Row("events lost (server sent - received; seq gaps)", "0",
                o.lostEvents() + "; " + o.generator().seqGaps(),
                b == null ? "-" : b.lostEvents() + "; " + b.generator().seqGaps(), "-"));
        rate(rows, "calls answered/s (window)", "42 steady, 100 burst", o, b, RunResult::callsPerSecond, "%.1f");
        rate(rows, "connections held", "5,000", o, b, r -> r.socketsHeld(), "%.0f");
        rate(rows, "heap per idle session (KB)", "<= 50 KB", o, b, r -> r.heapPerSession() / 1024, "%.1f");
        rows.add(new Row("interactions/s persisted (window, " + report.settings().store() + ")", "-",
                fmt("%.1f", o.interactionsPerSecond()), "-", "-"));
        rows.add(new Row("agent-state rows/s persisted (window)", "-", fmt("%.1f", o.stateRowsPerSecond()), "-", "-"));
        if (report.persistence() != null) {
            var p = report.persistence();
            rows.add(new Row("store ceiling: interactions/s (" + p.store() + ", " + p.calls() + " calls)", ">= 2,000",
                    fmt("%.0f", p.interactionsPerSecond()), "-", "-"));
            rows.add(new Row("store ceiling: agent-state rows/s (" + p.store() + ")", "-", fmt("%.0f", p.stateRowsPerSecond()), "-", "-"));
        }
        out.println();
        out.println("| figure | target | OpenCTI | baseline | ratio |");
        out.println("|---|---|---|---|---|");
        for (Row row : rows)
            out.printf("| %s | %s | %s | %s | %s |%n", row.figure(), row.target(), row.opencti(), row.baseline(), row.ratio());
        var g = o.generator();
        out.printf("%nOpenCTI: %d of %d desktops logged in (%.1f s), %d calls placed, %d answered in %.1f s, errors %s, "
                        + "negative latencies %d, screen pops without a customer %d, wall-clock step %d us%n",
                g.loggedIn(), g.agents(), g.loginSeconds(), o.callsPlaced(), g.callsAnsweredInWindow(), g.windowSeconds(),
                g.errors(), g.negativeLatencies(), g.popsWithoutCustomer(), g.clockStepMicros());
        out.println("Heap growth by class, N/2 -> N idle sessions (bytes): " + o.heapTopGrowth());
        out.flush();
    }

    private static void latency(List<Row> rows, String figure, String target, RunResult o, RunResult b,
                                ToDoubleFunction<RunResult> value) {
        rate(rows, figure, target, o, b, value, "%.2f ms");
    }

    private static void rate(List<Row> rows, String figure, String target, RunResult o, RunResult b,
                             ToDoubleFunction<RunResult> value, String format) {
        double mine = value.applyAsDouble(o);
        if (b == null) {
            rows.add(new Row(figure, target, fmt(format, mine), "-", "-"));
            return;
        }
        double theirs = value.applyAsDouble(b);
        rows.add(new Row(figure, target, fmt(format, mine), fmt(format, theirs), theirs == 0 ? "-" : fmt("%.2f", mine / theirs)));
    }

    private static String fmt(String format, double value) { return String.format(Locale.ROOT, format, value); }

    static String percentiles(Percentiles p) {
        return String.format(Locale.ROOT, "n=%d p50=%.2f p99=%.2f p99.9=%.2f max=%.2f ms", p.count(), p.p50(), p.p99(), p.p999(), p.max());
    }
}
