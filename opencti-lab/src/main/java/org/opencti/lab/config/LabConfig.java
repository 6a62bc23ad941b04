package org.opencti.lab.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole lab configuration, immutable. Load it with {@link #load(Path)} / {@link #parseYaml(String, String)}
 * (which refuse bad files listing every problem), or take the built-in {@link #demo()}. The server seeds its
 * customers and users from these records.
 */
public record LabConfig(List<String> extensions, List<Team> teams, List<AgentConfig> agents,
                        List<SupervisorConfig> supervisors, List<QueueConfig> queues, List<Route> routing,
                        List<ExternalNumberRule> externalNumbers, List<Customer> customers,
                        List<ReasonCode> reasonCodes, List<WrapUpCode> wrapUpCodes, PbxConfig pbx,
                        TrafficConfig traffic) {

    /** A configuration with the default switch behaviour and no traffic (the part-1 shape). */
    public LabConfig(List<String> extensions, List<Team> teams, List<AgentConfig> agents,
                     List<SupervisorConfig> supervisors, List<QueueConfig> queues, List<Route> routing,
                     List<ExternalNumberRule> externalNumbers, List<Customer> customers,
                     List<ReasonCode> reasonCodes, List<WrapUpCode> wrapUpCodes) {
        this(extensions, teams, agents, supervisors, queues, routing, externalNumbers, customers, reasonCodes,
                wrapUpCodes, PbxConfig.DEFAULT, TrafficConfig.NONE);
    }

    public LabConfig {
        java.util.Objects.requireNonNull(pbx, "pbx");
        java.util.Objects.requireNonNull(traffic, "traffic");
        extensions = List.copyOf(extensions);
        teams = List.copyOf(teams);
        agents = List.copyOf(agents);
        supervisors = List.copyOf(supervisors);
        queues = List.copyOf(queues);
        routing = List.copyOf(routing);
        externalNumbers = List.copyOf(externalNumbers);
        customers = List.copyOf(customers);
        reasonCodes = List.copyOf(reasonCodes);
        wrapUpCodes = List.copyOf(wrapUpCodes);
    }

    /** The built-in demo contact centre that docs and tests rely on (see the module README). */
    public static LabConfig demo() {
        return DemoConfig.create();
    }

    public static LabConfig load(Path file) {
        try {
            return parseYaml(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InvalidLabConfigException(file.toString(),
                    List.of(new ConfigProblem("(file)", file.toString(), "a readable YAML file: " + e.getMessage())));
        }
    }

    /** Parses and validates YAML; {@code source} names it in messages. */
    public static LabConfig parseYaml(String yaml, String source) {
        LabConfig config = LabConfigYaml.parse(yaml, source);
        config.requireValid(source);
        return config;
    }

    /** Every problem of this configuration; empty when it is valid. */
    public List<ConfigProblem> problems() {
        return LabConfigValidator.problems(this);
    }

    public LabConfig requireValid(String source) {
        List<ConfigProblem> problems = problems();
        if (!problems.isEmpty())
            throw new InvalidLabConfigException(source, problems);
        return this;
    }

    public LabConfig withTraffic(TrafficConfig newTraffic) {
        return new LabConfig(extensions, teams, agents, supervisors, queues, routing, externalNumbers, customers,
                reasonCodes, wrapUpCodes, pbx, newTraffic);
    }

    public LabConfig withPbx(PbxConfig newPbx) {
        return new LabConfig(extensions, teams, agents, supervisors, queues, routing, externalNumbers, customers,
                reasonCodes, wrapUpCodes, newPbx, traffic);
    }

    public Optional<AgentConfig> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<QueueConfig> queue(String id) {
        return queues.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
