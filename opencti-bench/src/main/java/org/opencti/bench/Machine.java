package org.opencti.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/** Where a run happened, as docs/BENCHMARKS.md reports it. */
public record Machine(int cores, long memoryBytes, String jdk, String gc, long maxHeapBytes, String date, double loadAverage) {

    public static Machine now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        return new Machine(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                gc, Runtime.getRuntime().maxMemory(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                os.getSystemLoadAverage());
    }

    @Override public String toString() {
        return String.format("%d cores, %.1f GB memory, %s, GC %s, max heap %.1f GB, %s, load average %.2f at start",
                cores, memoryBytes / 1e9, jdk, gc, maxHeapBytes / 1e9, date, loadAverage);
    }
}
