package org.opencti.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapProbeTest {

    @Test
    void bytes_per_session_and_the_classes_that_grew_come_from_two_histograms() {
        HeapProbe half = new HeapProbe(1_000_000, Map.of("[B", 400_000L, "java.lang.String", 100_000L));
        HeapProbe full = new HeapProbe(3_000_000, Map.of("[B", 1_900_000L, "java.lang.String", 300_000L, "Session", 50_000L));

        assertThat(half.perSession(full, 100)).isEqualTo(20_000.0);
        assertThat(half.topGrowth(full, 2)).containsExactly(Map.entry("[B", 1_500_000L), Map.entry("java.lang.String", 200_000L));
    }

    @Test
    void a_live_histogram_of_this_jvm_has_a_total_and_counts_strings() {
        HeapProbe now = HeapProbe.take();

        assertThat(now.totalBytes()).isPositive();
        assertThat(now.bytesByClass()).containsKey("java.lang.String");
    }
}
