package org.opencti.lab.pbx;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencti.lab.config.ExternalNumberRule;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.config.QueueConfig;

/** The numbering plan: extensions, queue devices, routed DNIS and the rules for external numbers. */
public final class DeviceDirectory {

    private static final Pattern DIAL_STRING = Pattern.compile("\\+?\\d{2,20}");

    private final Set<String> extensions;
    private final Map<String, QueueConfig> queuesByDevice = new HashMap<>();
    private final Map<String, String> queueDeviceByDnis = new HashMap<>();
    private final List<ExternalNumberRule> rules;

    public DeviceDirectory(LabConfig config) {
        this.extensions = new LinkedHashSet<>(config.extensions());
        for (QueueConfig queue : config.queues()) {
            queuesByDevice.put(queue.device(), queue);
            queueDeviceByDnis.put(queue.device(), queue.device());
        }
        config.routing().forEach(route -> config.queue(route.queue())
                .ifPresent(queue -> queueDeviceByDnis.put(route.dnis(), queue.device())));
        this.rules = config.externalNumbers();
    }

    public boolean isExtension(String device) {
        return extensions.contains(device);
    }

    public Optional<QueueConfig> queueAt(String device) {
        return Optional.ofNullable(queuesByDevice.get(device));
    }

    public boolean isInternal(String device) {
        return extensions.contains(device) || queueDeviceByDnis.containsKey(device);
    }

    /** An external number: a dial string that is neither an extension nor a routed DNIS. */
    public boolean isExternal(String device) {
        return DIAL_STRING.matcher(device).matches() && !isInternal(device);
    }

    /** Extensions, queue devices and external numbers can be monitored. */
    public boolean isMonitorable(String device) {
        return isInternal(device) || isExternal(device);
    }

    Destination resolve(String dialled, String element) {
        if (extensions.contains(dialled))
            return new Destination.Extension(dialled);
        String queueDevice = queueDeviceByDnis.get(dialled);
        if (queueDevice != null)
            return new Destination.Queue(dialled, queueDevice);
        if (isExternal(dialled))
            for (ExternalNumberRule rule : rules)
                if (rule.matches(dialled))
                    return new Destination.External(dialled, rule);
        throw new CstaException(CstaError.INVALID_DESTINATION, "Cannot reach '" + dialled + "' in " + element
                + "; expected an extension, a routed DNIS (" + String.join(", ", queueDeviceByDnis.keySet().stream().sorted().toList())
                + ") or an external number matching a rule (" + String.join(", ", rules.stream().map(ExternalNumberRule::pattern).toList()) + ")");
    }
}
