package org.opencti.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencti.model.AgentId;
import org.opencti.model.CallId;

/**
 * Reads the fields of one JSON object, naming the JSON path of anything wrong. The schema has already
 * checked types, so these failures are rare; they keep the decoder honest when the schema and model drift.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
        if (node == null || !node.isObject()) throw new JsonPathException(path, "must be an object");
    }

    JsonFields object(String field) { return new JsonFields(node.get(field), path + "." + field); }

    JsonFields optionalObject(String field) {
        JsonNode child = node.get(field);
        return child == null || child.isNull() ? null : new JsonFields(child, path + "." + field);
    }

    boolean has(String field) { return node.hasNonNull(field); }

    String string(String field) {
        String value = optionalString(field);
        if (value == null) throw new JsonPathException(path + "." + field, "is required");
        return value;
    }

    String optionalString(String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) return null;
        if (!child.isTextual()) throw new JsonPathException(path + "." + field, "must be a string, got " + child);
        return child.asText();
    }

    Long optionalLong(String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) return null;
        if (!child.canConvertToLong() || !child.isIntegralNumber())
            throw new JsonPathException(path + "." + field, "must be an integer, got " + child);
        return child.asLong();
    }

    int integer(String field) {
        Long value = optionalLong(field);
        if (value == null) throw new JsonPathException(path + "." + field, "is required");
        return Math.toIntExact(value);
    }

    boolean bool(String field) {
        JsonNode child = node.get(field);
        return child != null && child.asBoolean();
    }

    Instant instant(String field) {
        String text = string(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonPathException(path + "." + field, "'" + text + "' is not a UTC time like 2026-11-28T10:15:30.120Z");
        }
    }

    AgentId agentId(String field) { return new AgentId(string(field)); }

    AgentId optionalAgentId(String field) { return has(field) ? new AgentId(string(field)) : null; }

    CallId callId(String field) { return new CallId(string(field)); }

    CallId optionalCallId(String field) { return has(field) ? new CallId(string(field)) : null; }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        E value = optionalEnum(field, type);
        if (value == null) throw new JsonPathException(path + "." + field, "is required");
        return value;
    }

    <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
        String text = optionalString(field);
        if (text == null) return null;
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new JsonPathException(path + "." + field, "'" + text + "' is not a " + type.getSimpleName()
                    + "; expected one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    Map<String, String> stringMap(String field) {
        JsonNode child = node.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (child == null || child.isNull()) return map;
        if (!child.isObject()) throw new JsonPathException(path + "." + field, "must be an object of strings");
        child.properties().forEach(e -> {
            if (!e.getValue().isTextual())
                throw new JsonPathException(path + "." + field + "." + e.getKey(), "must be a string, got " + e.getValue());
            map.put(e.getKey(), e.getValue().asText());
        });
        return map;
    }

    <T> List<T> list(String field, Function<JsonFields, T> element) {
        JsonNode child = node.get(field);
        List<T> list = new ArrayList<>();
        if (child == null || child.isNull()) return list;
        if (!child.isArray()) throw new JsonPathException(path + "." + field, "must be an array");
        for (int i = 0; i < child.size(); i++) list.add(element.apply(new JsonFields(child.get(i), path + "." + field + "[" + i + "]")));
        return list;
    }

    List<String> strings(String field) {
        JsonNode child = node.get(field);
        List<String> list = new ArrayList<>();
        if (child == null || child.isNull()) return list;
        if (!child.isArray()) throw new JsonPathException(path + "." + field, "must be an array");
        child.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** A failure at one JSON path. */
    static final class JsonPathException extends RuntimeException {
        final String path;

        JsonPathException(String path, String problem) {
            super(path + ": " + problem);
            this.path = path;
        }
    }
}
