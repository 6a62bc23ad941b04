package org.opencti.bench.target;

import java.util.ArrayList;
import java.util.List;
import org.opencti.lab.config.AgentConfig;
import org.opencti.lab.config.LabConfig;
import org.opencti.lab.config.TrafficConfig;

/**
 * The lab contact centre scaled for a load run: the demo's queues, routing, customers and codes, with {@code agents}
 * agents instead of twenty. Agent {@code i} (from 1) is {@link #agentId(int)} at extension {@link #extension(int)},
 * with every skill and the password {@link #PASSWORD}. The lab's own random traffic stays off: the bench's
 * {@link BenchCallers} place the calls, so they start only once every desktop is Ready.
 */
public final class BenchContactCentre {
    public static final String PASSWORD = "demo";
    /** Five-digit extensions 10001..19999: internal for the CSTA connector (at most 6 digits), clear of the queues. */
    public static final int MAX_AGENTS = 9_999;

    private BenchContactCentre() {}

    public static String agentId(int i) { return String.valueOf(20_000 + i); }

    public static String extension(int i) { return String.valueOf(10_000 + i); }

    public static LabConfig config(int agents) {
        if (agents < 1 || agents > MAX_AGENTS)
            throw new IllegalArgumentException("--agents " + agents + " is out of range; expected 1 to " + MAX_AGENTS);
        LabConfig demo = LabConfig.demo();
        List<String> skills = demo.queues().stream().map(q -> q.skill()).toList();
        List<String> extensions = new ArrayList<>(agents);
        List<AgentConfig> configured = new ArrayList<>(agents);
        for (int i = 1; i <= agents; i++) {
            extensions.add(extension(i));
            configured.add(new AgentConfig(agentId(i), PASSWORD, "Bench agent " + i,
                    demo.teams().get(i % demo.teams().size()).id(), extension(i), skills));
        }
        return new LabConfig(extensions, demo.teams(), configured, demo.supervisors(), demo.queues(), demo.routing(),
                demo.externalNumbers(), demo.customers(), demo.reasonCodes(), demo.wrapUpCodes(), demo.pbx(),
                TrafficConfig.NONE).requireValid("the bench contact centre for " + agents + " agents");
    }
}
