package org.opencti.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Live heap by class, as {@code jcmd <pid> GC.class_histogram} prints it (a full GC first, so only reachable objects
 * count), read in-process through the DiagnosticCommand MBean. Two histograms give the heap a group of sessions holds.
 */
public record HeapProbe(long totalBytes, Map<String, Long> bytesByClass) {

    public static HeapProbe take() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("Cannot take a class histogram (DiagnosticCommand MBean): " + e, e);
        }
        Map<String, Long> byClass = new LinkedHashMap<>();
        long total = 0;
        for (String line : text.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            // " 1:  12345  678900  java.lang.String (java.base@25)" and "Total  123  456"
            if (cols.length >= 4 && cols[0].endsWith(":")) byClass.put(cols[3], Long.parseLong(cols[2]));
            else if (cols.length >= 3 && cols[0].equals("Total")) total = Long.parseLong(cols[2]);
        }
        return new HeapProbe(total, byClass);
    }

    /** Bytes per session between this histogram (fewer sessions) and {@code later}. */
    public double perSession(HeapProbe later, int moreSessions) {
        return moreSessions == 0 ? 0 : (later.totalBytes - totalBytes) / (double) moreSessions;
    }

    /** The classes that grew most from this histogram to {@code later}, largest first. */
    public Map<String, Long> topGrowth(HeapProbe later, int count) {
        Map<String, Long> growth = new LinkedHashMap<>();
        later.bytesByClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - bytesByClass.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
                .forEach(e -> growth.put(e.getKey(), e.getValue()));
        return growth;
    }
}
