package org.opencti.lab.soak;

import java.util.ArrayList;
import java.util.List;
import org.opencti.lab.config.AgentConfig;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.config.QueueTraffic;
import org.opencti.lab.config.TimeDistribution;
import org.opencti.lab.config.TrafficConfig;

/**
 * The demo contact centre scaled for a call rate: enough simulated agents (ids {@code 100001…}, extensions
 * {@code 200001…}, all skills) to carry it with head-room, and a brisk profile (talk about a minute).
 */
final class SoakConfig {

    /** Seconds an agent is occupied per call on average: answer + talk + hold + wrap, as the profile below draws them. */
    private static final double SECONDS_PER_CALL = 2 + 60 + 0.2 * 15 + 8;

    private SoakConfig() {
    }

    static LabConfig forRate(double callsPerSecond) {
        LabConfig demo = LabConfig.demo();
        int agents = (int) Math.ceil(callsPerSecond * SECONDS_PER_CALL * 1.3) + 10;
        List<String> extensions = new ArrayList<>(demo.extensions());
        List<AgentConfig> agentConfigs = new ArrayList<>();
        List<String> skills = demo.queues().stream().map(q -> q.skill()).toList();
        for (int i = 1; i <= agents; i++) {
            String extension = String.valueOf(200_000 + i);
            extensions.add(extension);
            agentConfigs.add(new AgentConfig(String.valueOf(100_000 + i), "soak", "Soak " + i, "north", extension, skills));
        }
        List<QueueTraffic> profiles = demo.queues().stream().map(q -> new QueueTraffic(q.id(), 1200,
                TimeDistribution.of(60, 5, 300), 0.2, TimeDistribution.of(15, 2, 60), TimeDistribution.of(8, 1, 30),
                TimeDistribution.of(120, 10, 600), TimeDistribution.of(2, 1, 8))).toList();
        return new LabConfig(extensions, demo.teams(), agentConfigs, demo.supervisors(), demo.queues(), demo.routing(),
                demo.externalNumbers(), demo.customers(), demo.reasonCodes(), demo.wrapUpCodes(), demo.pbx(),
                new TrafficConfig(true, 0.1, profiles, agentConfigs.stream().map(AgentConfig::id).toList()));
    }
}
