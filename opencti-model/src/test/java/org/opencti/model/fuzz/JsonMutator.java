package org.opencti.model.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Breaks valid JSON the ways a buggy or hostile desktop would: tree mutations keep the text parseable so the schema
 * and the records get exercised (a value of another type, a removed or unknown field, a blank, huge or odd string,
 * an out-of-range number, deep nesting), text mutations exercise the parser (cut, spliced, stray tokens, control
 * characters). Every choice comes from the given random, so a seed replays a run.
 */
public final class JsonMutator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] ODD_STRINGS = {"", " ", "\t", "null", "0", "-1", "\u0000", "\uFFFF", "\uD83D\uDE00",
            "\uD800", "é", "1001\n", "c-7\"", "<x/>", "${jndi:x}", "2026-11-28T10:15:30.120Z", "2026-13-40T99:99:99.999Z",
            "+999999999-12-31T23:59:59.999Z", "Offering", "Ready", "NotReady", "OPENCTI_BAD_REQUEST", "login", "answerCall",
            "SnapshotEvent", "CallStateEvent", "x".repeat(5000)};
    private static final String[] STRAY_TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "1e999",
            "-0", "NaN", "Infinity", "\u0000", "\\u0000", "\\uD800", "/*", "//", "'", "99999999999999999999999"};

    private final SplittableRandom random;
    private final List<String> fieldNames;

    public JsonMutator(SplittableRandom random, List<String> fieldNames) {
        this.random = random;
        this.fieldNames = List.copyOf(fieldNames);
    }

    /** One to three tree mutations of a copy of {@code valid}. */
    public JsonNode mutateTree(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(copy, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object) mutateObject(object);
            else if (target instanceof ArrayNode array) mutateArray(array);
        }
        return copy;
    }

    /** One to three text mutations of {@code text}. */
    public String mutateText(String text) {
        StringBuilder s = new StringBuilder(text);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> s.setLength(at);                                                   // truncated
                case 1 -> s.insert(at, STRAY_TOKENS[random.nextInt(STRAY_TOKENS.length)]);  // stray token
                case 2 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(8)));   // lost bytes
                case 3 -> s.insert(at, (char) random.nextInt(0x20));                         // control character
                case 4 -> {                                                                   // repeated piece
                    int end = Math.min(s.length(), at + random.nextInt(40));
                    s.insert(at, s.substring(at, end));
                }
                default -> s.insert(at, randomValue(2).toString());                          // a value anywhere
            }
        }
        return s.toString();
    }

    /** A random JSON object with a plausible {@code type} and random known field names. */
    public JsonNode randomObject(List<String> types) {
        ObjectNode object = JSON.objectNode();
        if (random.nextInt(10) > 0) object.put("type", types.get(random.nextInt(types.size())));
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) object.set(fieldName(), randomValue(3));
        return object;
    }

    /** Random bytes as text, for the parser's sake. */
    public String randomText() {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(64);
        for (int i = 0; i < length; i++) s.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5F)));
        return s.toString();
    }

    private void mutateObject(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String existing = names.isEmpty() ? fieldName() : names.get(random.nextInt(names.size()));
        switch (random.nextInt(6)) {
            case 0 -> object.remove(existing);
            case 1 -> object.set(fieldName(), randomValue(2));
            case 2 -> object.set(existing, randomValue(3));
            case 3 -> object.put(existing, ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            case 4 -> object.set(existing, deeplyNested(50 + random.nextInt(250)));
            default -> {
                JsonNode value = object.remove(existing);
                if (value != null) object.set(fieldName(), value); // renamed
            }
        }
    }

    private void mutateArray(ArrayNode array) {
        switch (random.nextInt(4)) {
            case 0 -> { if (!array.isEmpty()) array.remove(random.nextInt(array.size())); }
            case 1 -> array.add(randomValue(2));
            case 2 -> { if (!array.isEmpty()) array.add(array.get(random.nextInt(array.size())).deepCopy()); } // duplicate
            default -> { if (!array.isEmpty()) array.set(random.nextInt(array.size()), randomValue(2)); }
        }
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(random.nextBoolean());
            case 2 -> JSON.textNode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            case 3 -> JSON.numberNode(List.of(0L, -1L, 1L, (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE, Long.MIN_VALUE)
                    .get(random.nextInt(6)));
            case 4 -> random.nextBoolean() ? JSON.numberNode(new BigInteger("9".repeat(1 + random.nextInt(40))))
                    : JSON.numberNode(new BigDecimal(random.nextBoolean() ? "1.5" : "-0.0"));
            case 5 -> JSON.textNode(Long.toString(random.nextLong()));
            case 6 -> {
                ArrayNode array = JSON.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) array.add(randomValue(depth - 1));
                yield array;
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) object.set(fieldName(), randomValue(depth - 1));
                yield object;
            }
        };
    }

    private static JsonNode deeplyNested(int depth) {
        JsonNode node = JSON.textNode("deep");
        for (int i = 0; i < depth; i++) node = i % 2 == 0 ? JSON.arrayNode().add(node) : JSON.objectNode().set("a", node);
        return node;
    }

    private String fieldName() {
        return random.nextInt(8) == 0 ? "x-" + random.nextInt(100) : fieldNames.get(random.nextInt(fieldNames.size()));
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (!node.isContainerNode()) return;
        into.add(node);
        node.forEach(child -> collectContainers(child, into));
    }
}
