package org.opencti.bench.generator;

import org.HdrHistogram.Histogram;

/** A latency distribution in milliseconds, as reports show it. */
public record Percentiles(long count, double p50, double p99, double p999, double max) {
    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

    static Percentiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) return NONE;
        return new Percentiles(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) { return Math.round(micros / 10.0) / 100.0; }
}
