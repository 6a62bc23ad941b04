package org.opencti.lab.pbx;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which calls each device is on (oldest first) and which calls wait at each queue device (the one to serve first
 * first), kept up to date by {@link Call} on every connection change, so the ACD's per-task questions cost no
 * scan over all calls. Also records the devices whose connections changed since the ACD last looked.
 */
final class CallIndex {

    private static final TreeMap<Long, Call> NONE = new TreeMap<>();

    private final Map<String, TreeMap<Long, Call>> byDevice = new HashMap<>();
    private final Map<String, TreeMap<Long, Call>> queuedByDevice = new HashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();

    void changed(Call call, String device, ConnectionState before, ConnectionState after) {
        touched.add(device);
        if (before == null)
            byDevice.computeIfAbsent(device, d -> new TreeMap<>()).put(call.sequence, call);
        if (after == null)
            remove(byDevice, device, call.sequence);
        if (before == ConnectionState.QUEUED && after != ConnectionState.QUEUED)
            remove(queuedByDevice, device, call.queueOrder);
        if (after == ConnectionState.QUEUED && before != ConnectionState.QUEUED)
            queuedByDevice.computeIfAbsent(device, d -> new TreeMap<>()).put(call.queueOrder, call);
    }

    boolean hasCalls(String device) {
        return byDevice.containsKey(device);
    }

    /** The calls a device is on, oldest first. */
    Iterable<Call> callsAt(String device) {
        return byDevice.getOrDefault(device, NONE).values();
    }

    /** The calls waiting at a queue device, the one to serve first first. */
    Iterable<Call> waitingAt(String queueDevice) {
        return queuedByDevice.getOrDefault(queueDevice, NONE).values();
    }

    int waitingCount(String queueDevice) {
        return queuedByDevice.getOrDefault(queueDevice, NONE).size();
    }

    /** The devices whose connections changed since the last call; clears the record. */
    List<String> drainTouched() {
        List<String> devices = List.copyOf(touched);
        touched.clear();
        return devices;
    }

    /** Devices known to the index (for leak checks): every one must be on a current call. */
    int deviceCount() {
        return byDevice.size();
    }

    private static void remove(Map<String, TreeMap<Long, Call>> index, String device, long key) {
        TreeMap<Long, Call> calls = index.get(device);
        if (calls == null)
            return;
        calls.remove(key);
        if (calls.isEmpty())
            index.remove(device);
    }
}
