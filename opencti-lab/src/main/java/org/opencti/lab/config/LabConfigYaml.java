package org.opencti.lab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the YAML file into records, collecting every shape problem (wrong type, missing field, unknown
 * property) instead of stopping at the first; {@link LabConfigValidator} then checks the values.
 */
final class LabConfigYaml {

    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final Set<String> TOP_LEVEL = Set.of("extensions", "teams", "agents", "supervisors", "queues",
            "routing", "externalNumbers", "customers", "reasonCodes", "wrapUpCodes", "pbx", "traffic");
    private static final Set<String> PBX_KEYS = Set.of("ringNoAnswerSeconds", "busyExtension");
    private static final Set<String> TRAFFIC_KEYS = Set.of("enabled", "nonCustomerShare", "simulatedAgents", "queues");
    private static final Set<String> QUEUE_TRAFFIC_KEYS = Set.of("queue", "callsPerHour", "talkSeconds", "holdShare",
            "holdSeconds", "wrapSeconds", "patienceSeconds", "answerSeconds");
    private static final Set<String> DISTRIBUTION_KEYS = Set.of("mean", "min", "max");

    private final List<ConfigProblem> problems = new ArrayList<>();

    private LabConfigYaml() {
    }

    static LabConfig parse(String yaml, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidLabConfigException(source, List.of(new ConfigProblem("(file)", "unparsable YAML",
                    "well-formed YAML; " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr())));
        }
        LabConfigYaml reader = new LabConfigYaml();
        LabConfig config = reader.read(root);
        if (!reader.problems.isEmpty())
            throw new InvalidLabConfigException(source, reader.problems);
        return config;
    }

    private LabConfig read(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add(new ConfigProblem("(root)", String.valueOf(root), "a mapping with keys " + TOP_LEVEL));
            return null;
        }
        unknownKeys(root, "", TOP_LEVEL);
        List<String> extensions = new ArrayList<>();
        for (String entry : strings(root, "extensions"))
            extensions.addAll(ExtensionRanges.expand(entry, "extensions", problems));
        return new LabConfig(extensions,
                list(root, "teams", (n, p) -> new Team(text(n, p, "id"), text(n, p, "name"))),
                list(root, "agents", (n, p) -> new AgentConfig(text(n, p, "id"), text(n, p, "password"),
                        optionalText(n, "name", "Agent " + n.path("id").asText()), text(n, p, "team"),
                        text(n, p, "extension"), strings(n, p + ".skills", "skills"))),
                list(root, "supervisors", (n, p) -> new SupervisorConfig(text(n, p, "id"), text(n, p, "password"),
                        optionalText(n, "name", "Supervisor " + n.path("id").asText()),
                        strings(n, p + ".teams", "teams"))),
                list(root, "queues", (n, p) -> new QueueConfig(text(n, p, "id"),
                        optionalText(n, "name", n.path("id").asText()), text(n, p, "device"), text(n, p, "skill"),
                        integer(n, p, "ringNoAnswerSeconds", 15), integer(n, p, "wrapSeconds", 0),
                        integer(n, p, "serviceLevelSeconds", 20))),
                list(root, "routing", (n, p) -> new Route(text(n, p, "dnis"), text(n, p, "queue"))),
                list(root, "externalNumbers", (n, p) -> new ExternalNumberRule(text(n, p, "pattern"),
                        outcome(n, p), integer(n, p, "ringSeconds", 0))),
                list(root, "customers", (n, p) -> new Customer(text(n, p, "id"), text(n, p, "name"),
                        text(n, p, "phone"), text(n, p, "accountId"))),
                list(root, "reasonCodes", (n, p) -> new ReasonCode(text(n, p, "id"), optionalText(n, "label", n.path("id").asText()))),
                list(root, "wrapUpCodes", (n, p) -> new WrapUpCode(text(n, p, "id"), optionalText(n, "label", n.path("id").asText()))),
                pbx(root.get("pbx")), traffic(root.get("traffic")));
    }

    private PbxConfig pbx(JsonNode node) {
        if (node == null || node.isNull())
            return PbxConfig.DEFAULT;
        if (!mapping(node, "pbx", PBX_KEYS))
            return PbxConfig.DEFAULT;
        String busy = node.path("busyExtension").asText(PbxConfig.DEFAULT.busyExtension().wireName());
        PbxConfig.BusyExtension busyExtension = PbxConfig.DEFAULT.busyExtension();
        boolean known = false;
        for (PbxConfig.BusyExtension candidate : PbxConfig.BusyExtension.values())
            if (candidate.wireName().equals(busy)) {
                busyExtension = candidate;
                known = true;
            }
        if (!known)
            problems.add(new ConfigProblem("pbx.busyExtension", busy, "one of callWaiting, busy"));
        return new PbxConfig(integer(node, "pbx", "ringNoAnswerSeconds", PbxConfig.DEFAULT.ringNoAnswerSeconds()), busyExtension);
    }

    private TrafficConfig traffic(JsonNode node) {
        if (node == null || node.isNull() || !mapping(node, "traffic", TRAFFIC_KEYS))
            return TrafficConfig.NONE;
        JsonNode enabled = node.get("enabled");
        if (enabled != null && !enabled.isBoolean())
            problems.add(new ConfigProblem("traffic.enabled", enabled.toString(), "true or false"));
        List<String> simulated = new ArrayList<>();
        for (String entry : strings(node, "traffic.simulatedAgents", "simulatedAgents"))
            simulated.addAll(ExtensionRanges.expand(entry, "traffic.simulatedAgents", problems));
        return new TrafficConfig(enabled != null && enabled.asBoolean(), number(node, "traffic", "nonCustomerShare", 0.1),
                list(node, "queues", "traffic.", (n, p) -> {
                    unknownKeys(n, p + ".", QUEUE_TRAFFIC_KEYS);
                    QueueTraffic demo = DemoConfig.demoTraffic(n.path("queue").asText());
                    return new QueueTraffic(text(n, p, "queue"), number(n, p, "callsPerHour", demo.callsPerHour()),
                            distribution(n, p, "talkSeconds", demo.talk()), number(n, p, "holdShare", demo.holdShare()),
                            distribution(n, p, "holdSeconds", demo.hold()), distribution(n, p, "wrapSeconds", demo.wrap()),
                            distribution(n, p, "patienceSeconds", demo.patience()), distribution(n, p, "answerSeconds", demo.answer()));
                }), simulated);
    }

    private boolean mapping(JsonNode node, String path, Set<String> keys) {
        if (!node.isObject()) {
            problems.add(new ConfigProblem(path, node.toString(), "a mapping with keys " + keys.stream().sorted().toList()));
            return false;
        }
        unknownKeys(node, path + ".", keys);
        return true;
    }

    private TimeDistribution distribution(JsonNode node, String path, String key, TimeDistribution fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull())
            return fallback;
        if (value.isNumber())
            return TimeDistribution.constant(value.asDouble());
        if (!mapping(value, path + "." + key, DISTRIBUTION_KEYS))
            return fallback;
        double mean = number(value, path + "." + key, "mean", fallback.meanSeconds());
        return TimeDistribution.of(mean, number(value, path + "." + key, "min", Math.min(mean, fallback.minSeconds())),
                number(value, path + "." + key, "max", Math.max(mean, fallback.maxSeconds())));
    }

    private double number(JsonNode node, String path, String key, double fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull())
            return fallback;
        if (!value.isNumber()) {
            problems.add(new ConfigProblem(path + "." + key, value.toString(), "a number"));
            return fallback;
        }
        return value.asDouble();
    }

    private <T> List<T> list(JsonNode root, String key, BiFunction<JsonNode, String, T> element) {
        return list(root, key, "", element);
    }

    private <T> List<T> list(JsonNode root, String key, String prefix, BiFunction<JsonNode, String, T> element) {
        JsonNode node = root.get(key);
        List<T> result = new ArrayList<>();
        if (node == null || node.isNull())
            return result;
        if (!node.isArray()) {
            problems.add(new ConfigProblem(prefix + key, node.toString(), "a list"));
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = prefix + key + "[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                problems.add(new ConfigProblem(path, item.toString(), "a mapping"));
                continue;
            }
            result.add(element.apply(item, path));
        }
        return result;
    }

    private List<String> strings(JsonNode root, String key) {
        return strings(root, key, key);
    }

    private List<String> strings(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull())
            return result;
        if (!node.isArray()) {
            problems.add(new ConfigProblem(path, node.toString(), "a list of strings"));
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isValueNode())
                result.add(node.get(i).asText());
            else
                problems.add(new ConfigProblem(path + "[" + i + "]", node.get(i).toString(), "a string"));
        }
        return result;
    }

    private String text(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            problems.add(new ConfigProblem(path + "." + key, value == null ? "(missing)" : value.toString(),
                    "a non-blank string"));
            return "";
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String key, String fallback) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private int integer(JsonNode node, String path, String key, int fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull())
            return fallback;
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            problems.add(new ConfigProblem(path + "." + key, value.toString(), "a whole number of seconds"));
            return fallback;
        }
        return value.asInt();
    }

    private ExternalNumberRule.Outcome outcome(JsonNode node, String path) {
        String text = node.path("outcome").asText("");
        for (ExternalNumberRule.Outcome outcome : ExternalNumberRule.Outcome.values())
            if (outcome.wireName().equals(text))
                return outcome;
        problems.add(new ConfigProblem(path + ".outcome", text.isEmpty() ? "(missing)" : text,
                "one of answer, busy, noAnswer"));
        return ExternalNumberRule.Outcome.BUSY;
    }

    private void unknownKeys(JsonNode node, String path, Set<String> known) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (!known.contains(key))
                problems.add(new ConfigProblem(path + key, "(unknown property)", "one of " + known.stream().sorted().toList()));
        }
    }
}
