package org.opencti.lab.config;

import java.util.List;

/**
 * The lab's own random traffic ({@code traffic} in the YAML). {@code enabled} is the default the options may
 * override; {@code nonCustomerShare} (0..1) of calls come from numbers that are no customer's; the others come
 * from a random customer with its {@code accountId} attached. {@code simulatedAgents}: ids of agents the lab
 * itself logs on and works (none by default), so humans and tests keep the others.
 */
public record TrafficConfig(boolean enabled, double nonCustomerShare, List<QueueTraffic> queues, List<String> simulatedAgents) {

    public static final TrafficConfig NONE = new TrafficConfig(false, 0, List.of(), List.of());

    public TrafficConfig {
        queues = List.copyOf(queues);
        simulatedAgents = List.copyOf(simulatedAgents);
    }

    /** Calls per hour over all queues. */
    public double callsPerHour() {
        return queues.stream().mapToDouble(QueueTraffic::callsPerHour).sum();
    }

    public TrafficConfig withEnabled(boolean on) {
        return new TrafficConfig(on, nonCustomerShare, queues, simulatedAgents);
    }

    public TrafficConfig withSimulatedAgents(List<String> agentIds) {
        return new TrafficConfig(enabled, nonCustomerShare, queues, agentIds);
    }
}
