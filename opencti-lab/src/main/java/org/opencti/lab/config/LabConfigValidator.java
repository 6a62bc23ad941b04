package org.opencti.lab.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Checks values and cross-references of a {@link LabConfig}; reports every problem, clamps nothing. */
final class LabConfigValidator {

    private static final Pattern DIAL_STRING = Pattern.compile("\\+?\\d{2,20}");
    static final Set<String> REQUIRED_REASON_CODES = Set.of("login", "RONA");

    private final List<ConfigProblem> problems = new ArrayList<>();

    private LabConfigValidator() {
    }

    static List<ConfigProblem> problems(LabConfig config) {
        LabConfigValidator validator = new LabConfigValidator();
        validator.check(config);
        return List.copyOf(validator.problems);
    }

    private void check(LabConfig config) {
        Set<String> extensions = new HashSet<>();
        for (int i = 0; i < config.extensions().size(); i++) {
            String extension = config.extensions().get(i);
            dialString("extensions[" + i + "]", extension);
            if (!extensions.add(extension))
                problem("extensions[" + i + "]", extension, "each extension once");
        }
        Set<String> teams = unique("teams", config.teams(), Team::id);
        Set<String> skills = config.queues().stream().map(QueueConfig::skill).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> agentIds = unique("agents", config.agents(), AgentConfig::id);
        for (int i = 0; i < config.agents().size(); i++) {
            AgentConfig agent = config.agents().get(i);
            String path = "agents[" + i + "]";
            notBlank(path + ".password", agent.password());
            member(path + ".team", agent.team(), teams);
            member(path + ".extension", agent.extension(), extensions);
            for (int s = 0; s < agent.skills().size(); s++)
                member(path + ".skills[" + s + "]", agent.skills().get(s), skills);
        }
        unique("supervisors", config.supervisors(), SupervisorConfig::id);
        for (int i = 0; i < config.supervisors().size(); i++) {
            SupervisorConfig supervisor = config.supervisors().get(i);
            String path = "supervisors[" + i + "]";
            if (agentIds.contains(supervisor.id()))
                problem(path + ".id", supervisor.id(), "an id no agent uses");
            notBlank(path + ".password", supervisor.password());
            for (int t = 0; t < supervisor.teams().size(); t++)
                member(path + ".teams[" + t + "]", supervisor.teams().get(t), teams);
        }
        Set<String> queueIds = unique("queues", config.queues(), QueueConfig::id);
        Set<String> queueDevices = new HashSet<>();
        for (int i = 0; i < config.queues().size(); i++) {
            QueueConfig queue = config.queues().get(i);
            String path = "queues[" + i + "]";
            internalNumber(path + ".device", queue.device(), extensions);
            if (!queueDevices.add(queue.device()))
                problem(path + ".device", queue.device(), "a device no other queue uses");
            notBlank(path + ".skill", queue.skill());
            range(path + ".ringNoAnswerSeconds", queue.ringNoAnswerSeconds(), 1, 600);
            range(path + ".wrapSeconds", queue.wrapSeconds(), 0, 3600);
            range(path + ".serviceLevelSeconds", queue.serviceLevelSeconds(), 1, 3600);
        }
        Set<String> dnis = new HashSet<>();
        for (int i = 0; i < config.routing().size(); i++) {
            Route route = config.routing().get(i);
            String path = "routing[" + i + "]";
            internalNumber(path + ".dnis", route.dnis(), extensions);
            if (!dnis.add(route.dnis()))
                problem(path + ".dnis", route.dnis(), "each DNIS routed once");
            member(path + ".queue", route.queue(), queueIds);
            config.queues().stream().filter(q -> q.device().equals(route.dnis()) && !q.id().equals(route.queue()))
                    .forEach(q -> problem(path + ".queue", route.queue(), "'" + q.id() + "', the queue whose device is " + route.dnis()));
        }
        for (int i = 0; i < config.externalNumbers().size(); i++) {
            ExternalNumberRule rule = config.externalNumbers().get(i);
            String path = "externalNumbers[" + i + "]";
            try {
                Pattern.compile(rule.pattern());
            } catch (PatternSyntaxException e) {
                problem(path + ".pattern", rule.pattern(), "a Java regular expression (" + e.getDescription() + ")");
            }
            int minimum = rule.outcome() == ExternalNumberRule.Outcome.NO_ANSWER ? 1 : 0;
            range(path + ".ringSeconds", rule.ringSeconds(), minimum, 3600);
        }
        unique("customers", config.customers(), Customer::id);
        for (int i = 0; i < config.customers().size(); i++) {
            Customer customer = config.customers().get(i);
            dialString("customers[" + i + "].phone", customer.phone());
            notBlank("customers[" + i + "].accountId", customer.accountId());
        }
        Set<String> reasons = unique("reasonCodes", config.reasonCodes(), ReasonCode::id);
        for (String required : REQUIRED_REASON_CODES.stream().sorted().toList())
            if (!reasons.contains(required))
                problem("reasonCodes", reasons.stream().sorted().toList().toString(), "a list that includes '" + required + "' (used by the lab itself)");
        unique("wrapUpCodes", config.wrapUpCodes(), WrapUpCode::id);
        range("pbx.ringNoAnswerSeconds", config.pbx().ringNoAnswerSeconds(), 0, 3600);
        checkTraffic(config.traffic(), queueIds, agentIds);
    }

    private void checkTraffic(TrafficConfig traffic, Set<String> queueIds, Set<String> agentIds) {
        share("traffic.nonCustomerShare", traffic.nonCustomerShare());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < traffic.queues().size(); i++) {
            QueueTraffic queue = traffic.queues().get(i);
            String path = "traffic.queues[" + i + "]";
            member(path + ".queue", queue.queue(), queueIds);
            if (!seen.add(queue.queue()))
                problem(path + ".queue", queue.queue(), "a queue with no other traffic profile");
            if (!(queue.callsPerHour() >= 0 && queue.callsPerHour() <= 360_000))
                problem(path + ".callsPerHour", String.valueOf(queue.callsPerHour()), "a number of calls from 0 to 360000");
            share(path + ".holdShare", queue.holdShare());
            distribution(path + ".talkSeconds", queue.talk());
            distribution(path + ".holdSeconds", queue.hold());
            distribution(path + ".wrapSeconds", queue.wrap());
            distribution(path + ".patienceSeconds", queue.patience());
            distribution(path + ".answerSeconds", queue.answer());
        }
        Set<String> simulated = new HashSet<>();
        for (int i = 0; i < traffic.simulatedAgents().size(); i++) {
            String id = traffic.simulatedAgents().get(i);
            member("traffic.simulatedAgents[" + i + "]", id, agentIds);
            if (!simulated.add(id))
                problem("traffic.simulatedAgents[" + i + "]", id, "each agent once");
        }
    }

    private void share(String path, double value) {
        if (!(value >= 0 && value <= 1))
            problem(path, String.valueOf(value), "a share from 0 to 1");
    }

    private void distribution(String path, TimeDistribution time) {
        if (!(time.minSeconds() >= 0 && time.minSeconds() <= time.meanSeconds() && time.meanSeconds() <= time.maxSeconds()
                && time.maxSeconds() <= 86_400))
            problem(path, time.toString(), "seconds with 0 <= min <= mean <= max <= 86400");
    }

    private <T> Set<String> unique(String list, List<T> items, Function<T, String> id) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value.isBlank())
                problem(list + "[" + i + "].id", "'" + value + "'", "a non-blank id");
            else if (!ids.add(value))
                problem(list + "[" + i + "].id", value, "an id not used earlier in " + list);
        }
        return ids;
    }

    private void internalNumber(String path, String value, Set<String> extensions) {
        dialString(path, value);
        if (extensions.contains(value))
            problem(path, value, "a number that is not an extension");
    }

    private void dialString(String path, String value) {
        if (!DIAL_STRING.matcher(value).matches())
            problem(path, "'" + value + "'", "a dial string: 2 to 20 digits, optionally after '+'");
    }

    private void member(String path, String value, Set<String> known) {
        if (!known.contains(value))
            problem(path, "'" + value + "'", "one of " + known.stream().sorted().toList());
    }

    private void notBlank(String path, String value) {
        if (value.isBlank())
            problem(path, "'" + value + "'", "a non-blank string");
    }

    private void range(String path, int value, int min, int max) {
        if (value < min || value > max)
            problem(path, String.valueOf(value), "a whole number of seconds from " + min + " to " + max);
    }

    private void problem(String property, String value, String accepted) {
        problems.add(new ConfigProblem(property, value, accepted));
    }
}
