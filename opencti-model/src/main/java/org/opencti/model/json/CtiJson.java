package org.opencti.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencti.model.CtiException;
import org.opencti.model.ErrorCode;
import org.opencti.model.event.CtiEvent;
import org.opencti.model.request.CtiRequest;
import org.opencti.model.state.Action;

/**
 * The JSON wire form of OpenCTI v1: parses text into a typed event or request, validated first against the v1
 * JSON Schema and then by the model's records, and writes them back. A failure is a {@link CtiException} with
 * {@code OPENCTI_INVALID_EVENT} (events) or {@code OPENCTI_BAD_REQUEST} (requests) whose message carries the JSON
 * path, the line and column for malformed JSON, and the accepted values; {@code details.path} holds the path.
 *
 * <p>Thread-safe; the schemas load once.
 */
public final class CtiJson {
    /** Event types, in the order of the sealed hierarchy. */
    public static final List<String> EVENT_TYPES = List.of("SnapshotEvent", "AgentStateEvent", "CallStateEvent",
            "PartyInfoEvent", "CallInfoEvent", "LinkStateEvent", "QueueEvent", "ErrorEvent");

    // Trailing text after the object is malformed JSON too: the schema validator re-reads the whole text and
    // would otherwise fail on it with its own parser's exception.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> EVENT_TYPE_SET = Set.copyOf(EVENT_TYPES);

    private CtiJson() {}

    /** The shared Jackson mapper, configured to refuse duplicate keys and text after the value. */
    public static ObjectMapper mapper() { return MAPPER; }

    public static CtiEvent parseEvent(String json) {
        return parseEvent(readTree(json, ErrorCode.OPENCTI_INVALID_EVENT), json);
    }

    public static CtiEvent parseEvent(JsonNode node) { return parseEvent(node, null); }

    public static CtiRequest parseRequest(String json) {
        return parseRequest(readTree(json, ErrorCode.OPENCTI_BAD_REQUEST), json);
    }

    public static CtiRequest parseRequest(JsonNode node) { return parseRequest(node, null); }

    public static String write(CtiEvent event) { return toTree(event).toString(); }

    public static String write(CtiRequest request) { return toTree(request).toString(); }

    public static ObjectNode toTree(CtiEvent event) { return EventCodec.encode(event); }

    public static ObjectNode toTree(CtiRequest request) { return RequestCodec.encode(request); }

    /** Parses JSON text, reporting malformed JSON with its line and column. */
    public static JsonNode readTree(String json, ErrorCode code) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode())
                throw new CtiException(code, "$: malformed JSON: the text is empty; expected a JSON object", Map.of("path", "$"));
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("path", "$");
            if (at != null) {
                details.put("line", String.valueOf(at.getLineNr()));
                details.put("column", String.valueOf(at.getColumnNr()));
            }
            throw new CtiException(code, "$: malformed JSON" + where + ": " + e.getOriginalMessage(), details, e);
        }
    }

    private static CtiEvent parseEvent(JsonNode node, String text) {
        String type = typeOf(node, ErrorCode.OPENCTI_INVALID_EVENT);
        if (!EVENT_TYPE_SET.contains(type))
            throw invalid(ErrorCode.OPENCTI_INVALID_EVENT, "$.type", "unknown event type '" + type
                    + "'; expected one of " + String.join(", ", EVENT_TYPES));
        checkSchema("events", type, node, text, ErrorCode.OPENCTI_INVALID_EVENT);
        return build(() -> EventCodec.decode(type, new JsonFields(node, "$")), ErrorCode.OPENCTI_INVALID_EVENT);
    }

    private static CtiRequest parseRequest(JsonNode node, String text) {
        String type = typeOf(node, ErrorCode.OPENCTI_BAD_REQUEST);
        Action action;
        try {
            action = Action.fromWire(type);
        } catch (IllegalArgumentException e) {
            throw invalid(ErrorCode.OPENCTI_BAD_REQUEST, "$.type", e.getMessage());
        }
        checkSchema("requests", type, node, text, ErrorCode.OPENCTI_BAD_REQUEST);
        return build(() -> RequestCodec.decode(action, new JsonFields(node, "$")), ErrorCode.OPENCTI_BAD_REQUEST);
    }

    private static String typeOf(JsonNode node, ErrorCode code) {
        if (!node.isObject()) throw invalid(code, "$", "expected a JSON object, got " + node.getNodeType().name().toLowerCase());
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) throw invalid(code, "$.type", "a string 'type' is required");
        return type.asText();
    }

    private static void checkSchema(String folder, String type, JsonNode node, String text, ErrorCode code) {
        List<V1Schema.Violation> violations;
        try {
            violations = V1Schema.validate(folder, type, text != null ? text : node.toString());
        } catch (RuntimeException e) {
            // The validator re-reads the text with its own, stricter parser (nesting over 500, a broken surrogate in
            // a name): what it refuses is malformed JSON too.
            String problem = String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable");
            throw new CtiException(code, "$: malformed JSON: " + problem, Map.of("path", "$"), e);
        }
        if (violations.isEmpty()) return;
        V1Schema.Violation first = violations.getFirst();
        String all = violations.stream().map(v -> v.path() + ": " + v.message()).distinct().collect(Collectors.joining("; "));
        throw new CtiException(code, all + " (" + type + " v1 schema)", Map.of("path", first.path(), "type", type));
    }

    private static <T> T build(java.util.function.Supplier<T> decoder, ErrorCode code) {
        try {
            return decoder.get();
        } catch (JsonFields.JsonPathException e) {
            throw new CtiException(code, e.getMessage(), Map.of("path", e.path), e);
        } catch (IllegalArgumentException e) {
            // A compact constructor refused a value the schema cannot express (e.g. a rule across two fields).
            throw new CtiException(code, "$: " + e.getMessage(), Map.of("path", "$"), e);
        }
    }

    private static CtiException invalid(ErrorCode code, String path, String problem) {
        return new CtiException(code, path + ": " + problem, Map.of("path", path));
    }
}
